"""The contact directory and its hours: which service is which, and who to call at a given moment."""
