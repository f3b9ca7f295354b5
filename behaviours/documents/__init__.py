"""What leaves the app: PDF handouts, the case note, the offline site and CSV export."""
