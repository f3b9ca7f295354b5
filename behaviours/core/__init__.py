"""Below everything: the one clock, plain text helpers, UK phone numbers, colour contrast, sign-in rules, the fallback contact."""
