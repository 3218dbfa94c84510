#!/usr/bin/env python3
"""Checks what `mvn -Prelease deploy` put in a file repository against what Maven Central takes.

  published_check.py REPOSITORY

Every published artifact (the parent POM, lamina-runtime, lamina-processor, lamina-cluster) must
be there with its POM; each jar artifact with its sources and javadoc jars too. Central also wants
a name, description, url, licenses, developers and scm: each module's POM names and describes
itself, and inherits the rest from the parent's, which must hold it. Prints one line per problem
and exits 1 if there is any (.ci/quickstart runs it after the deploy).
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

GROUP = "dev/lamina"
PARENT = "lamina-parent"
JARS = ["lamina-runtime", "lamina-processor", "lamina-cluster"]
NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def newest(repository, artifact, suffix):
  """The newest file of artifact's version directory ending with suffix (snapshots are
  timestamped; the names sort by time)."""
  versions = sorted(p for p in (repository / GROUP / artifact).glob("*") if p.is_dir())
  if not versions:
    return None
  files = sorted(versions[-1].glob(f"{artifact}-*{suffix}"))
  return files[-1] if files else None


def text(pom, path):
  node = pom.find(path, NS)
  return node.text.strip() if node is not None and node.text else ""


def check(repository):
  problems = []
  poms = {}
  for artifact in [PARENT] + JARS:
    pom = newest(repository, artifact, ".pom")
    if pom is None:
      problems.append(f"{artifact}: no POM in {repository / GROUP / artifact}; is it in the"
                      " deploy's -pl list?")
      continue
    poms[artifact] = ET.parse(pom).getroot()
    if artifact in JARS:
      for suffix in [".jar", "-sources.jar", "-javadoc.jar"]:
        # "-sources.jar" and "-javadoc.jar" also end with ".jar": look for the main jar by
        # excluding the classified ones.
        found = [p for p in pom.parent.glob(f"{artifact}-*{suffix}")
                 if suffix != ".jar" or not p.name.endswith(("-sources.jar", "-javadoc.jar",
                                                             "-tests.jar"))]
        if not found:
          problems.append(f"{artifact}: no {suffix} beside {pom.name}")
  for artifact, pom in poms.items():
    for field in ["m:name", "m:description"]:
      if not text(pom, field):
        problems.append(f"{artifact}: its POM has no <{field[2:]}>")
  parent = poms.get(PARENT)
  if parent is not None:
    for field in ["m:url", "m:licenses/m:license/m:name", "m:licenses/m:license/m:url",
                  "m:developers/m:developer/m:name", "m:scm/m:url", "m:scm/m:connection"]:
      if not text(parent, field):
        problems.append(f"{PARENT}: no <{field.replace('m:', '')}>, which every module inherits")
  return problems


def main():
  if len(sys.argv) != 2:
    sys.exit(__doc__)
  problems = check(pathlib.Path(sys.argv[1]))
  for problem in problems:
    print("published_check: " + problem, file=sys.stderr)
  if problems:
    sys.exit(1)
  print(f"published_check: {PARENT} and {', '.join(JARS)} are complete in {sys.argv[1]}")


if __name__ == "__main__":
  main()
