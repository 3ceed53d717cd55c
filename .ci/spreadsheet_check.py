"""A real spreadsheet reads what the score command writes.

Runs the score command on the sample wards with hostile and Vietnamese unit names, has
LibreOffice Calc (headless) convert each CSV it writes to .xlsx, and checks with openpyxl that
every cell survives: numbers as the same numbers, text (Vietnamese included) as the same
text, and no cell as a formula. A control file with a formula written as it is must open as
a formula, so that the check is known to see one.

    python3 .ci/spreadsheet_check.py target/debug/examples/score
"""

import csv
import decimal
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

SCORE = sys.argv[1]
WARDS = "examples/data/hoi-an-wards-2020.csv"
HOSTILE = [
    '=HYPERLINK("http://example.com","Click")',
    "=1+1",
    "+84 235 3861",
    "-Xã Cẩm Kim",
    "@SUM(A1)",
    "\tPhường Tân An",
    "=SUM(1;2)",
]
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def run(*args):
    subprocess.run([SCORE, *args], check=True)


def convert(paths, folder):
    # 44: comma, 34: double quote, 76: UTF-8, 1: from the first line.
    subprocess.run(
        ["soffice", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
         "--outdir", folder, *paths],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return [os.path.join(folder, os.path.basename(p)[:-4] + ".xlsx") for p in paths]


def rows_of(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def check(csv_path, xlsx_path):
    written = rows_of(csv_path)
    sheet = openpyxl.load_workbook(xlsx_path).active
    read = [[cell for cell in row] for row in sheet.iter_rows()]
    assert len(read) == len(written), f"{xlsx_path}: {len(read)} rows, {len(written)} written"
    cells = 0
    for r, (row, cells_read) in enumerate(zip(written, read), start=1):
        for c, text in enumerate(row):
            cell = cells_read[c] if c < len(cells_read) else None
            value = None if cell is None else cell.value
            where = f"{os.path.basename(xlsx_path)} row {r} column {c + 1} ({text!r})"
            assert cell is None or cell.data_type != "f", f"{where}: a formula"
            if text == "":
                assert value is None, f"{where}: {value!r}"
            elif NUMBER.match(text):
                assert isinstance(value, (int, float)), f"{where}: {value!r} is not a number"
                assert decimal.Decimal(repr(value)) == decimal.Decimal(text), f"{where}: {value!r}"
            else:
                assert value == text, f"{where}: {value!r}"
            cells += 1
    return cells


def main():
    with tempfile.TemporaryDirectory() as folder:
        wards = os.path.join(folder, "wards.csv")
        rows = rows_of(WARDS)
        for i, row in enumerate(rows[1:]):
            if i < len(HOSTILE):
                row[1] = HOSTILE[i]
        with open(wards, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        framework = "vn-hoi-an-city-illustrative"
        ranking = os.path.join(folder, "ranking.csv")
        scorecards = os.path.join(folder, "scorecards.csv")
        comparison = os.path.join(folder, "comparison.csv")
        run("--framework", framework, "--assessments", wards, "--format", "csv", "--out", ranking)
        run("--framework", framework, "--assessments", wards, "--format", "scorecards-csv",
            "--excel", "--out", scorecards)
        run("--framework", framework, "--assessments", "examples/data/hoi-an-wards",
            "--previous", wards, "--format", "csv", "--excel", "--out", comparison)
        control = os.path.join(folder, "control.csv")
        with open(control, "w", encoding="utf-8") as f:
            f.write("unit_name\n=1+1\n")

        written = [ranking, scorecards, comparison, control]
        converted = convert(written, os.path.join(folder, "xlsx"))
        control_cell = openpyxl.load_workbook(converted[-1]).active["A2"]
        assert control_cell.data_type == "f", "the control formula did not open as a formula"

        total = 0
        for csv_path, xlsx_path in zip(written[:-1], converted[:-1]):
            total += check(csv_path, xlsx_path)
        # Every unit's name is in the ranking as Calc reads it: Vietnamese names as they
        # are, names a spreadsheet would run after the apostrophe that makes them text.
        names = {c.value for row in openpyxl.load_workbook(converted[0]).active.iter_rows()
                 for c in row}
        for row in rows[1:]:
            name = row[1]
            shown = "'" + name if name in HOSTILE else name
            assert shown in names, f"{shown!r} is not in the ranking as Calc reads it"
        print(f"LibreOffice Calc read {total} cells of 3 CSV files: every number and every text "
              f"(Vietnamese and {len(HOSTILE)} hostile unit names) as written, no formula; "
              f"the control formula opened as a formula")


main()
