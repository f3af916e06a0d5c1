"""A real WordPress on 127.0.0.1 for integration tests and the publish benchmark.

Debian's WordPress (extracted from its .deb by ``.ci/setup.d/wordpress.sh``), PHP's built-in web
server and a private MariaDB (own datadir, socket only, no TCP port). One instance lives in one
state folder; :meth:`WordPressInstance.reset` turns it back into a fresh site in about a second.

Command line (state folder defaults to a new temporary one)::

    python -m tests.integration.wordpress.server start [--dir D] [--port P]   # prints site JSON
    python -m tests.integration.wordpress.server reset --dir D
    python -m tests.integration.wordpress.server stop --dir D
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_TREE = REPO / ".cache" / "wordpress"
STARTUP_TIMEOUT = 30.0


def wordpress_tree() -> Path:
    """Where the WordPress code is: ``$BYLINE_WORDPRESS_DIR`` or ``.cache/wordpress``."""
    env = os.environ.get("BYLINE_WORDPRESS_DIR")
    return Path(env) if env else DEFAULT_TREE


def missing_requirements() -> str:
    """Why an instance cannot start here, or '' when everything is installed."""
    needed = {
        "php": "php-cli",
        "mariadbd": "mariadb-server",
        "mariadb-install-db": "mariadb-server",
    }
    missing = [pkg for exe, pkg in needed.items() if not _which(exe)]
    if missing:
        return f"missing Debian packages: {', '.join(sorted(set(missing)))}"
    if not (wordpress_tree() / "wp-load.php").is_file():
        return f"WordPress is not extracted at {wordpress_tree()}"
    probe = subprocess.run(
        ["php", "-r", "echo extension_loaded('mysqli') && extension_loaded('xml') ? 1 : 0;"],
        capture_output=True,
        text=True,
    )
    if probe.stdout.strip() != "1":
        return "PHP lacks mysqli or xml (php-mysql, php-xml)"
    return ""


def _which(exe: str) -> str | None:
    return shutil.which(exe, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")


@dataclass
class Site:
    """A running site and the accounts the tests use (admin-level 'editor', subscriber 'reader')."""

    url: str
    user: str
    password: str
    app_password: str
    reader_user: str
    reader_app_password: str


class WordPressInstance:
    def __init__(self, state_dir: Path | None = None, port: int | None = None) -> None:
        self.dir = Path(state_dir or tempfile.mkdtemp(prefix="bwp-"))
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.socket = self.dir / "my.sock"
        self.content = self.dir / "content"
        self._mariadb: subprocess.Popen[bytes] | None = None
        self._php: subprocess.Popen[bytes] | None = None
        self.site: Site | None = None
        self._logs: list[IO[bytes]] = []

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> Site:
        reason = missing_requirements()
        if reason:
            raise RuntimeError(reason)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._install_wp_config()
        self._write_config()
        self._start_mariadb()
        self._start_php()
        return self.reset()

    def reset(self) -> Site:
        """A fresh site: empty database, no uploads, new application passwords."""
        self._sql("DROP DATABASE IF EXISTS wordpress; CREATE DATABASE wordpress;")
        shutil.rmtree(self.content, ignore_errors=True)
        (self.content / "uploads").mkdir(parents=True)
        out = subprocess.run(
            ["php", str(HERE / "install.php"), str(wordpress_tree()), self.url],
            env=self._env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        if out.returncode != 0:
            raise RuntimeError(f"WordPress install failed: {out.stderr or out.stdout}")
        users = json.loads(out.stdout.strip().splitlines()[-1])["users"]
        self.site = Site(
            url=self.url,
            user="editor",
            password=users["editor"]["password"],
            app_password=users["editor"]["app_password"],
            reader_user="reader",
            reader_app_password=users["reader"]["app_password"],
        )
        self._save_state()
        return self.site

    def stop(self) -> None:
        for proc in (self._php, self._mariadb):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
        self._php = self._mariadb = None
        for log in self._logs:
            log.close()
        self._logs.clear()

    # -- pieces ------------------------------------------------------------------------------
    def _install_wp_config(self) -> None:
        target = wordpress_tree() / "wp-config.php"
        ours = (HERE / "wp-config.php").read_bytes()
        if target.is_symlink() or not target.exists() or target.read_bytes() != ours:
            target.unlink(missing_ok=True)
            target.write_bytes(ours)

    def _write_config(self) -> None:
        salts = "\n".join(
            f"define('{k}', '{secrets.token_hex(24)}');"
            for k in ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
                      "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT")
        )  # fmt: skip
        (self.dir / "config.php").write_text(
            f"""<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:{self.socket}');
define('WP_HOME', '{self.url}');
define('WP_SITEURL', '{self.url}');
define('WP_CONTENT_DIR', '{self.content}');
define('WP_CONTENT_URL', '{self.url}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '{self.dir}/debug.log');
define('ABSPATH', '{wordpress_tree()}/');
{salts}
$table_prefix = 'wp_';
""",
            encoding="utf-8",
        )

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["BYLINE_WP_CONFIG"] = str(self.dir / "config.php")
        env["BYLINE_WP_CONTENT"] = str(self.content)
        env["PHP_CLI_SERVER_WORKERS"] = "4"
        return env

    def _start_mariadb(self) -> None:
        datadir = self.dir / "db"
        if not (datadir / "mysql").is_dir():
            subprocess.run(
                [_which("mariadb-install-db") or "mariadb-install-db", "--no-defaults",
                 f"--datadir={datadir}", "--auth-root-authentication-method=socket",
                 *self._as_user()],
                check=True, capture_output=True,
            )  # fmt: skip
        log = open(self.dir / "mariadb.log", "ab")  # noqa: SIM115 - closed by stop()
        self._logs.append(log)
        self._mariadb = subprocess.Popen(
            [_which("mariadbd") or "mariadbd", "--no-defaults", *self._as_user(),
             f"--datadir={datadir}", f"--socket={self.socket}", "--skip-networking",
             "--innodb-buffer-pool-size=32M", "--skip-log-bin",
             f"--pid-file={self.dir / 'mariadb.pid'}"],
            stdout=log, stderr=log, start_new_session=True,
        )  # fmt: skip
        self._wait(lambda: self._sql("SELECT 1", check=False) == 0, "MariaDB", self._mariadb)
        self._sql(
            "CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY 'wp';"
            "GRANT ALL ON wordpress.* TO 'wp'@'localhost';"
        )

    def set_option(self, name: str, value: str) -> None:
        """Set one of the site's options (e.g. ``category_base``) straight in its database."""
        quoted = value.replace("\\", "\\\\").replace("'", "\\'")
        self._sql(f"UPDATE wordpress.wp_options SET option_value = '{quoted}' "
                  f"WHERE option_name = '{name}';")  # fmt: skip

    def _as_user(self) -> list[str]:
        return ["--user=root"] if os.geteuid() == 0 else []

    def _sql(self, statements: str, *, check: bool = True) -> int:
        user = "root" if os.geteuid() == 0 else os.environ.get("USER", "root")
        out = subprocess.run(
            ["mariadb", "--no-defaults", f"--socket={self.socket}", "-u", user, "-e", statements],
            capture_output=True,
            text=True,
        )
        if check and out.returncode != 0:
            raise RuntimeError(f"MariaDB: {out.stderr.strip()}")
        return out.returncode

    def _start_php(self) -> None:
        log = open(self.dir / "php.log", "ab")  # noqa: SIM115 - closed by stop()
        self._logs.append(log)
        self._php = subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{self.port}", "-t", str(wordpress_tree()),
             str(HERE / "router.php")],
            env=self._env(), stdout=log, stderr=log, start_new_session=True,
        )  # fmt: skip
        self._wait(lambda: _port_open(self.port), "php -S", self._php)

    def _wait(self, ready, what: str, proc: subprocess.Popen[bytes]) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not ready():
            if proc.poll() is not None:
                raise RuntimeError(f"{what} exited with {proc.returncode}; see {self.dir}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start within {STARTUP_TIMEOUT:.0f} s")
            time.sleep(0.05)

    def _save_state(self) -> None:
        pids = [p.pid for p in (self._mariadb, self._php) if p is not None]
        old = self.dir / "state.json"
        if not pids and old.is_file():  # a reset from the command line keeps the servers' ids
            pids = json.loads(old.read_text(encoding="utf-8"))["pids"]
        state = {
            "port": self.port,
            "pids": pids,
            "site": asdict(self.site) if self.site else None,
        }
        (self.dir / "state.json").write_text(json.dumps(state), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wordpress-server")
    parser.add_argument("action", choices=["start", "stop", "reset"])
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--port", type=int)
    args = parser.parse_args(argv)
    if args.action == "start":
        inst = WordPressInstance(args.dir, args.port)
        site = inst.start()
        print(json.dumps({"dir": str(inst.dir), **asdict(site)}))
        return 0
    if args.dir is None:
        parser.error("--dir is required")
    state = json.loads((args.dir / "state.json").read_text(encoding="utf-8"))
    if args.action == "stop":
        for pid in reversed(state["pids"]):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGTERM)
        return 0
    inst = WordPressInstance(args.dir, state["port"])
    print(json.dumps(asdict(inst.reset())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
