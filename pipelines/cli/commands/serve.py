"""`waypoint serve`: run the dashboards (Streamlit, headless) on a local port."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

import dashboards
from pipelines.config import get_settings

# server.py wraps app.py in Streamlit's ASGI app with Waypoint's guards (security headers, no public metrics,
# downloads only for a signed-in session, the session cookie).
APP = Path(dashboards.__path__[0]) / "server.py"


def serve_command(port: int, address: str) -> list[str]:
    """The Streamlit command line: headless, no usage statistics, nothing fetched at run time, no data export from
    the table toolbar (every download goes through the pages' audited buttons)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.headless=true",
        f"--server.port={port}",
        f"--server.address={address}",
        "--browser.gatherUsageStats=false",
        "--global.developmentMode=false",
        "--client.toolbarMode=minimal",
        "--client.disableDataExport=true",
        "--client.showErrorDetails=none",
        "--server.enableStaticServing=false",
        "--server.enableXsrfProtection=true",
        "--server.enableAgentApi=false",
        "--server.fileWatcherType=none",  # a served app does not reload its modules (their state would split)
    ]


@click.command("serve")
@click.option("--port", default=8501, show_default=True, help="Port to listen on.")
@click.option("--address", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 for all).")
def command(port: int, address: str) -> None:
    """Serve the dashboards at http://ADDRESS:PORT until stopped (Ctrl-C)."""
    click.echo(f"Waypoint dashboards at http://{address}:{port}  (data: {get_settings().home})", err=True)
    argv = serve_command(port, address)
    os.execv(argv[0], argv)  # Streamlit takes over this process, so stopping it stops the server
