// A user's module. lamina-runtime is an automatic module, which declares no dependencies: the
// module names the Vector API that its generated network uses.
module demo {
  requires dev.lamina;
  requires jdk.incubator.vector;
}
