"""One function per idea into words: a level, a contact and its hours, who to call now, a date."""
