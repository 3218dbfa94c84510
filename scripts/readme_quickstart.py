#!/usr/bin/env python3
"""Keeps README.md and quickstart/ the same project.

README.md shows each quick-start file in a fenced block preceded by `<!-- quickstart/PATH -->`,
and the commands that build and run it in a block preceded by `<!-- quickstart: run -->`.

  readme_quickstart.py check      every marked block equals its file, and every file is shown
  readme_quickstart.py commands   prints the run block as it is (.ci/quickstart runs it with bash)
"""
import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
QUICKSTART = ROOT / "quickstart"
BLOCK = re.compile(r"<!-- (quickstart(?:/[^ ]+|: run)) -->\n```[a-z]*\n(.*?)```\n", re.S)


def blocks():
  found = {}
  for marker, body in BLOCK.findall(README.read_text(encoding="utf-8")):
    if marker in found:
      sys.exit(f"README.md shows {marker} twice; show each quick-start file once")
    found[marker] = body
  return found


def check():
  shown = blocks()
  problems = []
  files = sorted(p for p in QUICKSTART.rglob("*")
                 if p.is_file() and "target" not in p.relative_to(QUICKSTART).parts)
  for path in files:
    name = str(path.relative_to(ROOT))
    if name not in shown:
      problems.append(f"{name} is not shown in README.md: add it after a line <!-- {name} -->")
      continue
    actual = path.read_text(encoding="utf-8")
    if shown[name] != actual:
      diff = difflib.unified_diff(shown[name].splitlines(), actual.splitlines(),
                                  "README.md: " + name, name, lineterm="")
      problems.append("\n".join(diff))
  for name in shown:
    if name != "quickstart: run" and not (ROOT / name).is_file():
      problems.append(f"README.md shows {name}, which does not exist in the repository")
  if "quickstart: run" not in shown:
    problems.append("README.md has no <!-- quickstart: run --> block of commands")
  if problems:
    print("README.md and quickstart/ differ; make them the same:\n", file=sys.stderr)
    print("\n\n".join(problems), file=sys.stderr)
    sys.exit(1)
  print(f"README.md shows the {len(files)} quick-start files as they are")


def commands():
  print(blocks()["quickstart: run"], end="")


if __name__ == "__main__":
  {"check": check, "commands": commands}[sys.argv[1] if len(sys.argv) > 1 else "check"]()
