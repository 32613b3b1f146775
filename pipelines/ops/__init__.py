"""Operations around the data: owner-only files, locks, plain-words failures, leftovers, atomic folders."""
