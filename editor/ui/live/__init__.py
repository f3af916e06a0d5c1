"""Live updates: on a shared PostgreSQL database the window follows what other people change
(the post list, the open post, its comments, suggestions, status log and history) within a
second, without touching text being typed."""
