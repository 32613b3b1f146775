"""Peak memory of a run: the largest single process (getrusage, what `/usr/bin/time -v` prints as "Maximum
resident set size") and the whole process tree sampled from /proc (this process and every descendant, summed:
what the machine had to hold at once).

As a command: ``python -m benchmarks.memory -- waypoint build`` runs the command and prints wall seconds and both
peaks. In a benchmark: ``with PeakMemory() as peak: ...`` then ``peak.tree_mb`` / ``peak.process_mb``.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss_kb(root: int) -> int:
    """Resident KB of ``root`` and all its descendants now (0 for processes gone meanwhile)."""
    tree, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        todo += tree.get(pid, [])
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total


class PeakMemory:
    """Samples the tree of this process every ``interval`` seconds while the block runs."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, tree_rss_kb(os.getpid()))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def tree_mb(self) -> float:
        return self.peak_kb / 1024

    @property
    def process_mb(self) -> float:
        """The largest single process so far (this one or a finished child), as getrusage reports it."""
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def main(argv: list[str]) -> int:
    command = argv[1:] if argv[:1] == ["--"] else argv
    if not command:
        print("usage: python -m benchmarks.memory -- COMMAND [ARGS...]")
        return 2
    started = time.perf_counter()
    with PeakMemory() as peak:
        code = subprocess.call(command)
    print(
        f"memory  {' '.join(command)}: exit {code}, {time.perf_counter() - started:.1f} s wall, peak RSS of the "
        f"largest process {peak.process_mb:,.0f} MB, of the whole tree {peak.tree_mb:,.0f} MB",
        file=sys.stderr,
    )
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
