"""Preferences: the writer's name, role, language and look (Edit ▸ Preferences…), and the
first-run welcome that asks for the name once."""
