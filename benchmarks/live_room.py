"""The live room under a full room: 30 phones answering 10 questions each.

Run with ``make bench-room``. Not a test: the figures depend on the machine; the README
quotes a run.

How it works. The server is started as ``make serve HOST=0.0.0.0`` starts it (with a token).
The facilitator's side starts a room on the Troubleshooting chapter (nine scenario cards) and
asks ten questions in turn (the nine cards, then the first again as a fresh round). Each
simulated phone is a thread that does what a phone's page does over HTTP, without a browser:
it joins, long-polls for the open question, waits a moment as a person would ("paced": 0.5 to
4 s) or not at all ("burst"), and sends one answer. A projector thread long-polls the screen
state, as the projector page does, and notes when each new count arrives.

It reports, for each pacing:
- whether every answer was counted exactly once (each question's total equals the answers
  the phones saw accepted, and the server refused none);
- the time from an answer being accepted to the projector's page hearing of it (median and
  95th percentile; the goal is under 1 s at the 95th);
- the server process's CPU time and memory (resident set) during the run.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from conftest import SERVER_PIDS, serving  # noqa: E402  (shared with the tests)

TOKEN = "bench-room"
PHONES = 30
QUESTIONS = 10


def call(url: str, body: object = None, headers: dict | None = None) -> tuple[int, dict]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={
        "Content-Type": "application/json", "X-Room-Token": TOKEN, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class Run:
    def __init__(self, base: str, paced: bool):
        self.base, self.paced = base, paced
        with urllib.request.urlopen(f"{base}/room/host", timeout=30) as response:
            page = response.read().decode()
        self.key = page.split('data-key="', 1)[1].split('"', 1)[0]
        self.code = self.host("start", chapter="11_troubleshooting")["code"]
        self.accepted: dict[str, list[float]] = {}   # question round -> accept times
        self.refused: list[tuple[int, str]] = []
        self.seen: dict[str, list[tuple[float, int]]] = {}  # question round -> (time, count)
        self.lock = threading.Lock()
        self.done = threading.Event()

    def host(self, action: str, **body) -> dict:
        status, state = call(f"{self.base}/room/api/host/{action}", {**body, "code": getattr(
            self, "code", "")}, {"X-Room-Key": self.key})
        assert status == 200, state
        return state

    def phone(self, number: int) -> None:
        rng = random.Random(number)
        _, joined = call(f"{self.base}/room/api/{self.code}/join", {})
        seat = joined["seat"]
        since, answered = -1, set()
        while not self.done.is_set():
            status, state = call(f"{self.base}/room/api/{self.code}/phone?since={since}",
                                 headers={"X-Room-Seat": seat})
            if status != 200 or state.get("ended"):
                return
            since = state["version"]
            question = state.get("question")
            if not question or state.get("answered"):
                continue
            key = f"{question['id']}#{question['round']}"
            if key in answered:
                continue
            if self.paced:
                time.sleep(rng.uniform(0.5, 4.0))
            option = rng.choice(question["items"][0]["options"] + [["pass", "Pass"]])[0]
            status, answer = call(f"{self.base}/room/api/{self.code}/answer", {
                "question": question["id"], "round": question["round"],
                "choices": {question["items"][0]["id"]: option}}, {"X-Room-Seat": seat})
            now = time.monotonic()
            answered.add(key)
            with self.lock:
                if status == 200:
                    self.accepted.setdefault(key, []).append(now)
                else:
                    self.refused.append((status, answer.get("key", "")))

    def projector(self) -> None:
        since = -1
        while not self.done.is_set():
            status, state = call(f"{self.base}/room/api/{self.code}/screen?since={since}")
            if status != 200 or state.get("ended"):
                return
            since = state["version"]
            asking = state.get("asking")
            if asking:
                with self.lock:
                    key = self.current
                    self.seen.setdefault(key, []).append((time.monotonic(), asking["answered"]))

    def run(self) -> dict:
        self.current = ""
        server = psutil.Process(SERVER_PIDS[self.base])
        cpu_before = sum(server.cpu_times()[:2])
        threads = [threading.Thread(target=self.phone, args=(n,), daemon=True)
                   for n in range(PHONES)]
        for thread in threads:
            thread.start()
        screen = threading.Thread(target=self.projector, daemon=True)
        screen.start()
        time.sleep(2)
        questions = [f"scenarios-{n}" for n in range(1, 10)] + ["scenarios-1"]
        started = time.monotonic()
        peak_rss = 0
        totals_ok = True
        for number, question in enumerate(questions):
            round_number = 2 if number == 9 else 1
            with self.lock:
                self.current = f"{question}#{round_number}"
            self.host("again" if number == 9 else "ask", question=question)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with self.lock:
                    count = len(self.accepted.get(self.current, []))
                peak_rss = max(peak_rss, server.memory_info().rss)
                if count + len(self.refused) >= PHONES:
                    break
                time.sleep(0.05)
            time.sleep(1.2)  # let the projector hear of the last answer
            state = self.host("reveal", question=question)
            shown = next(q for q in state["questions"] if q["id"] == question)
            totals_ok &= shown["answered"] == len(self.accepted.get(self.current, []))
        elapsed = time.monotonic() - started
        self.done.set()
        cpu = sum(server.cpu_times()[:2]) - cpu_before
        self.host("end")
        latencies = []
        for key, accepted in self.accepted.items():
            seen = sorted(self.seen.get(key, []))
            for index, at in enumerate(sorted(accepted), start=1):
                heard = next((when for when, count in seen if count >= index and when >= at
                              - 0.001), None)
                if heard is not None:
                    latencies.append(max(0.0, heard - at))
        answers = sum(len(v) for v in self.accepted.values())
        ordered = sorted(latencies)
        return {
            "answers": answers, "expected": PHONES * QUESTIONS, "refused": len(self.refused),
            "exactly_once": totals_ok and answers == PHONES * QUESTIONS and not self.refused,
            "median_ms": round(1000 * statistics.median(ordered)) if ordered else None,
            "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))]) if ordered else None,
            "measured": len(ordered), "seconds": round(elapsed, 1),
            "server_cpu_s": round(cpu, 2), "server_cpu_share": round(cpu / elapsed, 3),
            "peak_rss_mib": round(peak_rss / 2**20, 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs of each pacing (medians)")
    options = parser.parse_args()
    print(f"Machine: {platform.platform()}, {psutil.cpu_count()} CPUs, Python "
          f"{platform.python_version()}")
    with serving("0.0.0.0", args=("--VoilaConfiguration.preheat_kernel=False",),
                 PACK_TOKEN=TOKEN) as base:
        for paced in (True, False):
            results = [Run(base, paced).run() for _ in range(options.rounds)]
            name = "paced (0.5–4 s to answer)" if paced else "burst (all at once)"
            print(f"\n{name}: {PHONES} phones × {QUESTIONS} questions, {options.rounds} runs")
            for result in results:
                print("  " + json.dumps(result))
            for field in ("median_ms", "p95_ms", "server_cpu_s", "peak_rss_mib"):
                values = [r[field] for r in results if r[field] is not None]
                print(f"  median {field}: {statistics.median(values) if values else 'n/a'}")
            print(f"  every answer counted exactly once: "
                  f"{all(r['exactly_once'] for r in results)}")


if __name__ == "__main__":
    main()
