// Linked into every executable of the asan preset (policykg and the test programs): the options
// the sanitizers start with, whoever runs the program (ctest, a test running policykg as a child
// process, a shell). ASAN_OPTIONS, LSAN_OPTIONS and UBSAN_OPTIONS still override them.
//
// Every report stops the program with exit status 23, which no policykg command uses, so that a
// test checking an exit status fails even when it expects a failure (1) or discards stderr.

#ifndef POLICYKG_LSAN_SUPPRESSIONS
#error "POLICYKG_LSAN_SUPPRESSIONS must name tests/lsan.supp"
#endif

extern "C" {

// The sanitizer runtimes look these up by name.
const char* __asan_default_options();
const char* __lsan_default_options();
const char* __ubsan_default_options();

const char* __asan_default_options() {
  // fast_unwind_on_malloc=0: Redland is built without frame pointers; the suppressions must see
  // the whole allocating stack to match.
  return "detect_leaks=1:halt_on_error=1:exitcode=23:fast_unwind_on_malloc=0:"
         "check_initialization_order=1";
}

const char* __lsan_default_options() {
  return "suppressions='" POLICYKG_LSAN_SUPPRESSIONS "':print_suppressions=0";
}

const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1:exitcode=23"; }

}  // extern "C"
