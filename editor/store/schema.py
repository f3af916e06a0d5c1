"""The schema revision this build of Byline writes.

Kept as a constant so that opening an up-to-date database never imports Alembic (≈300 ms);
a test checks it against the newest migration in ``db/versions``.
"""

SCHEMA_HEAD = "0015"
