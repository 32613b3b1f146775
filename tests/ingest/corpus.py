"""The broken-export corpus: each case breaks a valid export in one way and says what must happen.

``build(files, folder)`` writes the delivery and returns its path; ``expect`` lists findings that
must appear as (rule_id, severity, file); ``status`` is loaded or rejected; ``check`` makes any
further assertion on the warehouse (values loaded, rows counted).
"""

from __future__ import annotations

import codecs
import io
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.ingest import Limits

from .exports import export_bytes, to_csv, write_zip

Files = dict[str, list[list[str]]]


@dataclass
class Case:
    id: str
    build: Callable[[Files, Path], Path]
    status: str
    expect: list[tuple[str, str, str | None]] = field(default_factory=list)
    check: Callable | None = None
    limits: Limits | None = None


def idx(files: Files, file: str, column: str) -> int:
    return [h.lower() for h in files[file][0]].index(column.lower())


def put(files: Files, file: str, column: str, value: str, row: int = 1) -> Files:
    files[file][row][idx(files, file, column)] = value
    return files


def get(files: Files, file: str, column: str, row: int = 1) -> str:
    return files[file][row][idx(files, file, column)]


def zipped(
    files: Files, folder: Path, *, name: str = "export.zip", prefix: str = "", extra: dict | None = None, **csv
) -> Path:
    content: dict[str, bytes | str] = dict(export_bytes(files, **csv))
    content.update(extra or {})
    return write_zip(folder / name, content, folder=prefix)


def _drop(file: str):
    def build(files: Files, folder: Path) -> Path:
        del files[file]
        return zipped(files, folder)

    return build


def _mutate(fn: Callable[[Files], object]):
    def build(files: Files, folder: Path) -> Path:
        fn(files)
        return zipped(files, folder)

    return build


def _drop_column(file: str, column: str):
    def fn(files: Files) -> None:
        i = idx(files, file, column)
        for row in files[file]:
            del row[i]

    return _mutate(fn)


def _rename_header(file: str, column: str, new: str):
    return _mutate(lambda f: f[file][0].__setitem__(idx(f, file, column), new))


def _raw_zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]], folder: Path) -> Path:
    path = folder / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            zf.writestr(info, data)
    return path


def _with_entries(
    extra: Callable[[Files], list[tuple[zipfile.ZipInfo | str, bytes]]], keep: Callable[[str], bool] = lambda n: True
):
    def build(files: Files, folder: Path) -> Path:
        entries = [(f"{n}.csv", b) for n, b in export_bytes(files).items() if keep(n)]
        return _raw_zip(entries + extra(files), folder)

    return build


def _symlink_entry(files: Files):
    info = zipfile.ZipInfo("Link.csv")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return [(info, b"/etc/passwd")]


def _nested_zip(files: Files):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("Client.csv", to_csv(files["Client"]))
    return [("inner.zip", inner.getvalue())]


def _csv_that_is_a_zip(files: Files, folder: Path) -> Path:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("x.csv", "a,b\n")
    content = dict(export_bytes(files))
    content["Funder"] = inner.getvalue()
    return write_zip(folder / "export.zip", content)


def _bomb(files: Files, folder: Path) -> Path:
    content = dict(export_bytes(files))
    header = to_csv(files["Services"][:1]).encode()
    content["Services"] = header + b"," * (60 << 20)
    return write_zip(folder / "export.zip", content)


def _encoded(file: str, encoding: str, text_value: str, column: str):
    def build(files: Files, folder: Path) -> Path:
        put(files, file, column, text_value)
        content = dict(export_bytes(files))
        data = to_csv(files[file])
        content[file] = (
            (codecs.BOM_UTF16_LE + data.encode("utf-16-le"))
            if encoding == "utf-16"
            else (codecs.BOM_UTF8 + data.encode() if encoding == "utf-8-sig" else data.encode(encoding))
        )
        return write_zip(folder / "export.zip", content)

    return build


def _delimited(delimiter: str):
    def build(files: Files, folder: Path) -> Path:
        content = dict(export_bytes(files))
        content["Enrollment"] = to_csv(files["Enrollment"], delimiter=delimiter).encode()
        return write_zip(folder / "export.zip", content)

    return build


def _raw_text(file: str, make: Callable[[Files], str]):
    def build(files: Files, folder: Path) -> Path:
        content = dict(export_bytes(files))
        content[file] = make(files).encode()
        return write_zip(folder / "export.zip", content)

    return build


def _ragged(extra: bool):
    def make(files: Files) -> str:
        rows = [list(r) for r in files["Client"]]
        rows[1] = rows[1] + ["surplus", "values"] if extra else rows[1][:-3]
        return to_csv(rows)

    return make


def _unterminated(files: Files) -> str:
    text = to_csv(files["Funder"])
    lines = text.split("\r\n")
    lines[1] = lines[1].replace(",", ',"broken', 1)
    return "\r\n".join(lines)


def _shuffle_columns(files: Files) -> None:
    rows = files["Client"]
    order = list(reversed(range(len(rows[0]))))
    files["Client"] = [[r[i] for i in order] for r in rows]


def _duplicate_header(files: Files) -> None:
    for row in files["Exit"]:
        row.append(row[0])


def _fy2024_headers(files: Files) -> None:
    i = idx(files, "Client", "HispanicLatinao")
    files["Client"][0][i] = "HispanicLatinaeo"


def _second_export_row(files: Files) -> None:
    files["Export"].append(list(files["Export"][1]))


def _extra_column(files: Files) -> None:
    for n, row in enumerate(files["Project"]):
        row.append("VendorNote" if n == 0 else "x")


def _header_only(files: Files) -> None:
    for name in files:
        if name not in ("Export", "Client"):
            files[name] = files[name][:1]


def _folder(files: Files, folder: Path) -> Path:
    return zipped(files, folder, prefix="HMIS_Export_2025/")


def _two_deep(files: Files, folder: Path) -> Path:
    content = dict(export_bytes(files))
    affiliation = content.pop("Affiliation")
    return write_zip(folder / "export.zip", {**content, "deep/deeper/Affiliation.csv": affiliation})


def _odd_case_names(files: Files, folder: Path) -> Path:
    content = {
        (n.upper() if i % 2 else n.lower()) + (".CSV" if i % 2 else ".csv"): b
        for i, (n, b) in enumerate(export_bytes(files).items())
    }
    return write_zip(folder / "export.zip", content)


def _export_folder(files: Files, folder: Path) -> Path:
    target = folder / "unzipped_export"
    target.mkdir()
    for name, data in export_bytes(files).items():
        (target / f"{name}.csv").write_bytes(data)
    return target


def _not_a_zip(files: Files, folder: Path) -> Path:
    path = folder / "export.zip"
    path.write_bytes(b"this is not a zip file at all\n" * 10)
    return path


def _truncated(files: Files, folder: Path) -> Path:
    path = zipped(files, folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _empty_zip(files: Files, folder: Path) -> Path:
    return write_zip(folder / "export.zip", {})


def _hashed_names(files: Files) -> None:
    put(files, "Export", "HashStatus", "4")
    put(files, "Client", "FirstName", "a" * 64)
    put(files, "Client", "SSN", "1234" + "b" * 64)


def _orphan_enrollment(files: Files) -> None:
    put(files, "Enrollment", "PersonalID", "NO-SUCH-PERSON")


def _duplicate_client(files: Files) -> None:
    files["Client"].append(list(files["Client"][1]))


def _other_destination(files: Files) -> None:
    put(files, "Exit", "Destination", "101")
    put(files, "Exit", "OtherDestination", "somewhere else")


def _services_only_without_affiliation(files: Files) -> None:
    """HUD's rule book: ResidentialAffiliation is required for a Services Only project (ProjectType 6)."""
    put(files, "Project", "ProjectType", "6")
    put(files, "Project", "ResidentialAffiliation", "")


def _services_wrong_list(files: Files) -> None:
    put(files, "Services", "RecordType", "200")
    put(files, "Services", "TypeProvided", "99")


def _fy2020_client_without_version(files: Files) -> None:
    """No CSVVersion and FY2020-era Client headers (one Gender column): a version Waypoint does not read."""
    put(files, "Export", "CSVVersion", "")
    files["Client"][0][idx(files, "Client", "Sex")] = "Gender"
    files["Client"][0][idx(files, "Client", "HispanicLatinao")] = "Ethnicity"
