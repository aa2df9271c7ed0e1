"""How long does scripts/develop take from a fresh clone until a person can use it?

Copies the repository as a fresh clone has it (tests/e2e/develop.py), starts scripts/develop
with package installs made to fail, and times, from the start of the script: the first HTTP
answer, the frontend answering 200 with onboarding waiting for an owner ("ready"), and, after
the owner is made, the core state RUNNING. Then it stops and starts the same copy again (its
state kept, as on a developer's second start) and times the first answer and the frontend.
It reports any package Home Assistant tried to install. Target: ready in under 30 s.
Figures are printed, nothing is asserted.

Usage: .venv/bin/python benchmarks/develop_start.py   (after scripts/setup)
"""

from __future__ import annotations

from pathlib import Path
import sys
import tempfile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.develop import DevelopRun, venv_is_set_up

TARGET_SECONDS = 30.0


def main() -> None:
    """Start scripts/develop twice from one clean copy and print the figures."""
    if not venv_is_set_up(Path(sys.prefix)):
        sys.exit("run this with the Python of .venv, after scripts/setup")
    with tempfile.TemporaryDirectory(prefix="develop-start-") as workdir:
        run = DevelopRun(Path(workdir))
        installs: list[str] = []
        for first in (True, False):
            run.start()
            try:
                ready = run.wait_until_ready(new=first)
                if first:
                    run.onboard()
                    running: float | None = run.wait_until_running()
                    run.wait_for_onboarding_integrations()
                else:
                    running = None
                answer = run.first_answer or ready
                installs += run.installs()
            finally:
                run.stop()
            print("first start (fresh clone):" if first else "second start (state kept):")
            print(f"  first HTTP answer   {answer:6.1f} s")
            verdict = "within" if ready < TARGET_SECONDS else "OVER"
            print(f"  frontend ready      {ready:6.1f} s  ({verdict} {TARGET_SECONDS:.0f} s)")
            if running is not None:
                print(f"  running (owner in)  {running:6.1f} s")
        print(f"packages Home Assistant tried to install: {len(installs)}")
        for line in installs:
            print(f"  {line}")


if __name__ == "__main__":
    main()
