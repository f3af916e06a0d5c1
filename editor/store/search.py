"""Ranked full-text search over headline, deck, body and tags.

Every word must match; the last is a prefix (search as you type).

SQLite uses the FTS5 index the migrations keep in sync by triggers; PostgreSQL uses the generated
``search_vector`` column."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import ColumnElement, Select, TableClause, func, literal_column, select, text

_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    """Lower-cased words with accents folded, as both indexes store them."""
    decomposed = unicodedata.normalize("NFKD", query.lower())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def fts5_expression(words: list[str]) -> str:
    # Each word quoted (so FTS5 operators in user text are inert); the last one, which may
    # still be being typed, prefix-matched. Prefixes on every word would merge the postings
    # of every longer word too, for no gain in what the writer meant.
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def tsquery_expression(words: list[str]) -> str:
    return " & ".join([*words[:-1], f"{words[-1]}:*"])


def apply_search(stmt: Select, dialect: str, query: str, posts: TableClause) -> Select:
    """Restrict ``stmt`` (which selects from ``posts``, the same table clause) to matches,
    best first, on the ``dialect`` (its SQLAlchemy name) of the connection."""
    _posts = posts.c
    words = query_words(query)
    if not words:
        return stmt.where(literal_column("0") == 1)
    rank: ColumnElement
    if dialect == "sqlite":
        fts = (
            select(
                literal_column("rowid").label("rowid"),
                literal_column("bm25(posts_fts, 10.0, 5.0, 1.0, 5.0)").label("rank"),
            )
            .select_from(text("posts_fts"))
            .where(text("posts_fts MATCH :fts_query"))
            .subquery("fts")
        )
        stmt = stmt.join(fts, fts.c.rowid == _posts.id).params(fts_query=fts5_expression(words))
        rank = fts.c.rank.asc()
    elif dialect == "postgresql":
        vector: ColumnElement[Any] = literal_column("posts.search_vector")
        tsq = func.to_tsquery(literal_column("'simple'::regconfig"), tsquery_expression(words))
        stmt = stmt.where(vector.op("@@")(tsq))
        rank = func.ts_rank_cd(vector, tsq).desc()
    else:  # a backend without full-text search: plain substring match, unranked
        pattern = f"%{query.strip()}%"
        stmt = stmt.where(
            _posts.headline.ilike(pattern) | _posts.deck.ilike(pattern) | _posts.body.ilike(pattern)
        )
        return stmt.order_by(_posts.updated_at.desc())
    return stmt.order_by(None).order_by(rank, _posts.updated_at.desc())
