"""HUD report builds: requests (report, period, scope), question tables, and their artifacts."""
