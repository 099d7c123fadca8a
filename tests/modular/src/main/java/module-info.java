/** A user's training code as a named module: it requires Anneal's runtime and nothing else. */
module dev.anneal.tests.modular {
  requires transitive dev.anneal;

  exports dev.anneal.tests.modular;
}
