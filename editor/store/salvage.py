"""Copy what can still be read from a damaged SQLite file into a new one (``byline doctor
--recover``). The sqlite3 shell's ``.recover`` needs the sqlite_dbpage module, which Debian's
build lacks, so this reads through SQL: the schema, then each table whole, or row by row
around the damaged pages when a whole read fails. The source is opened read-only."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

MAX_PROBE = 5_000_000  # row ids tried one by one when even max(rowid) cannot be read


@dataclass
class SalvageReport:
    tables: dict[str, int] = field(default_factory=dict)  # rows copied
    lost: dict[str, int] = field(default_factory=dict)  # rows that could not be read
    skipped: list[str] = field(default_factory=list)  # indexes/triggers that would not build


def salvage(source: Path, target: Path) -> SalvageReport:
    report = SalvageReport()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        schema = src.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        ).fetchall()
        dst.execute("PRAGMA foreign_keys=OFF")
        virtual = [name for kind, name, sql in schema if kind == "table" and _is_virtual(sql)]

        def shadow(name: str) -> bool:  # a full-text index's own tables: rebuilt, not copied
            return any(name.startswith(v + "_") for v in virtual)

        for kind, name, sql in schema:
            if kind == "table" and not shadow(name):
                dst.execute(sql)
        for kind, name, sql in schema:
            if kind == "table" and not _is_virtual(sql) and not shadow(name):
                _copy_table(src, dst, name, report)
        for name in virtual:
            quoted = '"' + name.replace('"', '""') + '"'
            try:
                dst.execute(f"INSERT INTO {quoted}({quoted}) VALUES ('rebuild')")
            except sqlite3.Error as exc:
                report.skipped.append(f"rebuilding {name}: {exc}")
        for kind, name, sql in schema:
            if kind in ("index", "trigger", "view"):
                try:
                    dst.execute(sql)
                except sqlite3.Error as exc:
                    report.skipped.append(f"{kind} {name}: {exc}")
        dst.commit()
    finally:
        src.close()
        dst.close()
    return report


def _is_virtual(sql: str) -> bool:
    return sql.lstrip().upper().startswith("CREATE VIRTUAL")


def _copy_table(src: sqlite3.Connection, dst: sqlite3.Connection, name: str,
                report: SalvageReport) -> None:  # fmt: skip
    quoted = '"' + name.replace('"', '""') + '"'
    columns = [row[1] for row in src.execute(f"PRAGMA table_info({quoted})")]
    names = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
    marks = ", ".join("?" * (len(columns) + 1))
    insert = f"INSERT OR IGNORE INTO {quoted} (rowid, {names}) VALUES ({marks})"
    try:
        rows = src.execute(f"SELECT rowid, {names} FROM {quoted}").fetchall()
        dst.executemany(insert, rows)
        report.tables[name] = len(rows)
        return
    except sqlite3.DatabaseError:
        pass
    try:
        top = src.execute(f"SELECT max(rowid) FROM {quoted}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = MAX_PROBE
    copied = lost = 0
    for rowid in range(1, top + 1):
        try:
            row = src.execute(f"SELECT rowid, {names} FROM {quoted} WHERE rowid = ?",
                              (rowid,)).fetchone()  # fmt: skip
        except sqlite3.DatabaseError:
            lost += 1
            continue
        if row is not None:
            dst.execute(insert, row)
            copied += 1
    report.tables[name] = copied
    if lost:
        report.lost[name] = lost
