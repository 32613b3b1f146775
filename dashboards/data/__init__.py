"""The one data-access layer of the dashboards: scoped, levelled, suppressed reads of the published warehouse."""
