"""Eight processes writing to one PostgreSQL database at once (issue 14, item 11): a conflict
is always the clean "changed elsewhere" error, and creating the same blog or the same slug at
the same moment never fails."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from editor.cli.main import main
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
WORKERS = 8
ROUNDS = 4

# Each worker waits for the same moment, then runs byline's main() ROUNDS times in process and
# prints one JSON line per call: its exit code and stderr.
WORKER = textwrap.dedent("""
    import contextlib, io, json, sys, time
    from editor.cli.main import main
    start, args = float(sys.argv[1]), json.loads(sys.argv[2])
    time.sleep(max(0.0, start - time.time()))
    for round_ in range(int(sys.argv[3])):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main([a.replace("{round}", str(round_)) for a in args])
        print(json.dumps({"code": code, "err": err.getvalue()}), flush=True)
""")


@pytest.fixture
def pg_url():
    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        yield url


def _race(per_worker_args: list[list[str]], rounds: int = ROUNDS) -> list[dict]:
    start = time.time() + 4  # all imported and connected by then, even on a busy machine
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(start), json.dumps(args), str(rounds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[3],
        )
        for args in per_worker_args
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results += [json.loads(line) for line in out.splitlines()]
    return results


def _assert_clean(results: list[dict]) -> None:
    for r in results:
        assert "closed transaction" not in r["err"] and "unexpected" not in r["err"], r
        assert "Cannot open" not in r["err"] and "DETAIL" not in r["err"], r


def test_concurrent_saves_of_one_post_conflict_cleanly(pg_url, tmp_path, capsys):
    assert main(["--db", pg_url, "new", "--headline", "Shared"]) == 0
    capsys.readouterr()
    results = _race([["--db", pg_url, "set", "1", "--headline", f"Writer {i} round {{round}}",
                      "--note", f"w{i}"] for i in range(WORKERS)])  # fmt: skip
    _assert_clean(results)
    assert {r["code"] for r in results} <= {0, 1}
    for r in results:
        if r["code"] == 1:
            assert "changed elsewhere" in r["err"], r
    saved = sum(r["code"] == 0 for r in results)
    assert saved >= 1
    assert main(["--db", pg_url, "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] >= saved


def test_concurrent_imports_create_one_blog_and_distinct_slugs(pg_url, tmp_path, capsys):
    files = []
    for i in range(WORKERS):
        path = tmp_path / f"w{i}.md"
        path.write_text("---\nblog: Race Desk\nheadline: The same story\n---\nBody\n")
        files.append(path)
    results = _race([["--db", pg_url, "import", str(f)] for f in files])
    _assert_clean(results)
    assert all(r["code"] == 0 for r in results), [r for r in results if r["code"]]
    assert main(["--db", pg_url, "list", "--json", "--limit", "1000"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == WORKERS * ROUNDS
    assert {r["blog"] for r in rows} == {"Race Desk"}
    slugs = []
    for row in rows:
        assert main(["--db", pg_url, "show", str(row["id"]), "--json"]) == 0
        slugs.append(json.loads(capsys.readouterr().out)["slug"])
    assert len(set(slugs)) == len(slugs)
