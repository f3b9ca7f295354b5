"""Stand-in apps and pages that the app's figures are compared with."""
