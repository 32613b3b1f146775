"""One module per `waypoint` sub-command; each defines `command`."""
