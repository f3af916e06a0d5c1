"""Memory of a process tree, from /proc (Linux): PSS of a process and its descendants."""

from __future__ import annotations

from pathlib import Path


def _children(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree - {root}


def _rollup_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_pss_mb(root: int) -> dict[str, float]:
    """``tree_mb`` (PSS of ``root`` and every descendant), ``main_mb`` (``root``'s PSS),
    ``children_mb``, and ``main_private_mb`` (memory of ``root`` no other process shares:
    unlike PSS it does not depend on what else runs on the machine), in MiB."""
    children = _children(root)
    main = _rollup_kb(root, "Pss")
    rest = sum(_rollup_kb(pid, "Pss") for pid in children)
    private = _rollup_kb(root, "Private_Clean") + _rollup_kb(root, "Private_Dirty")
    return {
        "tree_mb": (main + rest) / 1024,
        "main_mb": main / 1024,
        "children_mb": rest / 1024,
        "main_private_mb": private / 1024,
    }
