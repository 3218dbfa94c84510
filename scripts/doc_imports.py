#!/usr/bin/env python3
"""Every Java snippet in README.md and docs/ shows the imports of the Lamina types it uses.

For each ```java block: a public Lamina type named in it (Dense, Trainer, ModelFile, ...) must be
imported in that block, each `import dev.lamina...` must name a type that exists, and a
Nonlinearity constant used bare (RELU) must be imported statically. Run by .ci/run; prints each
problem with the file and line of the block. `--fix` adds the missing imports to the blocks.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The published modules' sources: whatever lies beside runtime/ except what is never published.
SOURCES = [p for p in ROOT.glob("*/src/main/java")
           if p.parent.parent.name not in ("examples", "benchmarks", "quickstart")]
# JDK types the snippets use most, checked like Lamina's.
JDK = {"Path": "java.nio.file.Path", "Files": "java.nio.file.Files", "Duration": "java.time.Duration",
       "List": "java.util.List", "Map": "java.util.Map", "Optional": "java.util.Optional"}
BLOCK = re.compile(r"^```java\n(.*?)^```", re.S | re.M)
IMPORT = re.compile(r"^import (static )?([\w.]+?)(?:\.(\*))?;", re.M)


def public_types():
  """Simple name -> fully qualified names of the public top-level types of the published modules."""
  types = {}
  for source in SOURCES:
    for path in source.rglob("*.java"):
      if path.name in ("package-info.java", "module-info.java"):
        continue
      text = path.read_text(encoding="utf-8")
      name = path.stem
      if not re.search(r"^public\s+(?:(?:final|abstract|sealed|non-sealed)\s+)*"
                       r"(?:class|interface|record|enum|@interface)\s+" + name + r"\b", text, re.M):
        continue
      package = re.search(r"^package ([\w.]+);", text, re.M).group(1)
      types.setdefault(name, set()).add(package + "." + name)
  return types


def enum_constants(types, name):
  """The constants of the public enum `name`, read from its source."""
  for qualified in types.get(name, ()):
    for source in SOURCES:
      path = source / (qualified.replace(".", "/") + ".java")
      if path.is_file():
        body = path.read_text(encoding="utf-8").split("{", 1)[1]
        return set(re.findall(r"^\s*([A-Z][A-Z0-9_]+)\s*[,;(]", body, re.M))
  return set()


def code_only(text):
  """The snippet without comments and string literals, so words there are not taken for types."""
  text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
  text = re.sub(r"//[^\n]*", " ", text)
  return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


def check(path, text, types, statics, missing):
  problems = []
  for block in BLOCK.finditer(text):
    line = text.count("\n", 0, block.start()) + 1
    where = f"{path.relative_to(ROOT)}:{line}"
    snippet = block.group(1)
    imported, static_members = set(), set()
    for static, name, star in IMPORT.findall(snippet):
      if not name.startswith("dev.lamina"):
        imported.add(name.rsplit(".", 1)[1])
        continue
      if static:
        owner, member = (name, "*") if star else name.rsplit(".", 1)
        if owner.rsplit(".", 1)[1] not in types or owner not in types[owner.rsplit(".", 1)[1]]:
          problems.append(f"{where}: import static {name}: no public type {owner}")
        static_members.add(member)
        continue
      simple = name.rsplit(".", 1)[1]
      if star:
        problems.append(f"{where}: import {name}.*: name each type")
      elif name not in types.get(simple, ()):
        problems.append(f"{where}: import {name}: no such public type"
                        + (f"; it is {' or '.join(sorted(types[simple]))}" if simple in types else ""))
      imported.add(simple)
    body = code_only(IMPORT.sub("", snippet))
    declared = set(re.findall(r"\b(?:class|record|interface|enum)\s+(\w+)", body))
    for word in sorted(set(re.findall(r"(?<![\w.])([A-Z]\w*)\b", body)) - declared):
      known = sorted(types.get(word, ())) or ([JDK[word]] if word in JDK else [])
      if known and word not in imported:
        problems.append(f"{where}: uses {word} without importing it"
                        f" (import {' or '.join(known)};)")
        missing.append((block, "import " + known[0] + ";"))
      if word in statics and word not in static_members and "*" not in static_members:
        problems.append(f"{where}: uses {word} without importing it"
                        f" (import static {statics[word]}.{word};)")
        missing.append((block, f"import static {statics[word]}.{word};"))
  return problems


def with_imports(snippet, lines):
  """The snippet with `lines` merged into its leading imports: static ones, then the others."""
  head = snippet.splitlines(keepends=True)
  n = 0
  while n < len(head) and (head[n].startswith("import ") or not head[n].strip()):
    n += 1
  imports = {l.strip() for l in head[:n] if l.strip()} | set(lines)
  statics = sorted(i for i in imports if i.startswith("import static "))
  others = sorted(i for i in imports if not i.startswith("import static "))
  groups = ["\n".join(g) + "\n" for g in (statics, others) if g]
  return "\n".join(groups) + "\n" + "".join(head[n:])


def fix(path, text, missing):
  """Adds the missing imports to each block of `text`, from the last block backwards."""
  by_block = {}
  for block, line in missing:
    by_block.setdefault((block.start(1), block.end(1)), set()).add(line)
  for (start, end), lines in sorted(by_block.items(), reverse=True):
    text = text[:start] + with_imports(text[start:end], lines) + text[end:]
  path.write_text(text, encoding="utf-8")


def main():
  types = public_types()
  statics = {c: q for q in types.get("Nonlinearity", ()) for c in enum_constants(types, "Nonlinearity")}
  files = [ROOT / "README.md"] + sorted((ROOT / "docs").rglob("*.md"))
  problems = []
  for f in files:
    missing = []
    text = f.read_text(encoding="utf-8")
    problems += check(f, text, types, statics, missing)
    if missing and sys.argv[1:] == ["--fix"]:
      fix(f, text, missing)
  if problems:
    print("Java snippets in the docs must import the Lamina types they use:", file=sys.stderr)
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
  print(f"every Java snippet in README.md and docs/ imports the Lamina types it uses")


if __name__ == "__main__":
  main()
