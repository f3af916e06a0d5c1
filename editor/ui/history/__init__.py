"""Revision history: the list of a post's versions, viewing and restoring one."""
