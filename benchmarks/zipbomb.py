"""A decompression bomb uploaded to the API: refused in well under a second, no memory spent.

    .venv/bin/python benchmarks/zipbomb.py [--gigabytes 1.5]

Builds a throw-away PLANWATCH_HOME with the Fuling demo data, a clerk of
区统计局 with a token and the open period 2025-Q3, starts `planwatch serve` on
a free loopback port, then uploads to ``POST /api/imports/submissions``:

1. the clerk's own pre-filled workbook (the baseline: a real read),
2. the same workbook plus a shared-strings part of one string of
   ``--gigabytes`` GB, deflated to about a thousandth of that (the attack of issue 11).

For each it prints the answer, the time and the server's peak resident memory
(VmHWM) after it; the bomb's peak is shown as a ratio to the baseline's.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path

from web import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
PERIOD = "2025-Q3"
SST_START = (
    b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    b' count="1" uniqueCount="1"><si><t>'
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gigabytes", type=float, default=1.5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-") as home:
        env = {**os.environ, "PLANWATCH_HOME": home, "PYTHONPATH": str(ROOT / "src")}
        token = prepare(env)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "planwatch", "serve", "--port", str(port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base)
            measure(base, token, server.pid, args.gigabytes)
        finally:
            server.terminate()
            server.wait(timeout=10)


def prepare(env: dict[str, str]) -> str:
    cli = [sys.executable, "-m", "planwatch"]

    def run(*args: str) -> str:
        done = subprocess.run([*cli, *args], env=env, check=True, capture_output=True, text=True)
        return done.stdout.strip()

    run("demo", "--no-serve")
    run("createuser", "office", "--role", "plan_office", "--password", "bench-office-2025")
    run("createuser", "clerk", "--role", "clerk", "--department", "区统计局",
        "--password", "bench-clerk-2025")  # fmt: skip
    run("periods", "open", PERIOD, "--region", "fuling", "--due", "2025-10-15", "--user", "office")
    return run("token", "create", "clerk").splitlines()[-1]


def measure(base: str, token: str, pid: int, gigabytes: float) -> None:
    query = urllib.parse.urlencode({"department": "区统计局"})
    workbook_url = f"{base}/api/periods/fuling/{PERIOD}/workbook?{query}"
    normal = call(urllib.request.Request(workbook_url, headers=auth(token)))[1]
    started = time.perf_counter()
    bomb = with_huge_string(normal, int(gigabytes * 1024**3))
    print(f"bomb built in {time.perf_counter() - started:.1f} s: {len(bomb) / 1024**2:.1f} MB "
          f"on the wire, {gigabytes:g} GB unpacked")  # fmt: skip
    print(f"server at start: peak {peak_mb(pid):.0f} MB")
    print(f"{'upload':<10}{'bytes':>12}{'status':>8}{'seconds':>9}{'peak MB':>9}  answer")
    peaks = {}
    for name, body in (("normal", normal), ("bomb", bomb)):
        started = time.perf_counter()
        status, answer = call(upload(base, token, body))
        elapsed = time.perf_counter() - started
        peaks[name] = peak_mb(pid)
        text = json.loads(answer).get("message", answer.decode())[:60] if answer else ""
        print(f"{name:<10}{len(body):>12}{status:>8}{elapsed:>9.2f}{peaks[name]:>9.0f}  {text}")
    print(f"peak after the bomb / peak after the normal workbook: "
          f"{peaks['bomb'] / peaks['normal']:.3f}")  # fmt: skip


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def call(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def upload(base: str, token: str, body: bytes) -> urllib.request.Request:
    boundary = uuid.uuid4().hex
    form = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="workbook"; filename="book.xlsx"'
            "\r\nContent-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + body
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {**auth(token), "Content-Type": f"multipart/form-data; boundary={boundary}"}
    return urllib.request.Request(f"{base}/api/imports/submissions", data=form, headers=headers)


def with_huge_string(workbook: bytes, size: int) -> bytes:
    """``workbook`` whose shared strings hold one string of ``size`` bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename != "xl/sharedStrings.xml":
                target.writestr(item, source.read(item.filename))
        part = zipfile.ZipInfo("xl/sharedStrings.xml")
        part.compress_type = zipfile.ZIP_DEFLATED
        with target.open(part, "w", force_zip64=True) as strings:
            strings.write(SST_START)
            chunk = b"A" * (16 * 1024 * 1024)
            for _ in range(size // len(chunk)):
                strings.write(chunk)
            strings.write(b"</t></si></sst>")
    return out.getvalue()


def peak_mb(pid: int) -> float:
    """The process's peak resident memory so far (Linux ``VmHWM``), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no /proc/<pid>/status: the peak memory needs Linux")


if __name__ == "__main__":
    main()
