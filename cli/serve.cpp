// policykg serve [--port P] [--host H] [--data FILE...|--store SPEC] [--base IRI] [--timeout MS] [--max-memory MIB]
//                [--max-rows N] [--max-request-bytes N] [--max-connections N]
//                [--max-connections-per-client N] [--max-queries N] [--query-queue N] [--workers N] [--no-cors]
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "core/error.hpp"
#include "server/server.hpp"

namespace policykg::cli {

namespace {

// The flags bind straight to server::Options, whose defaults they show; only the three that
// are given in other units (milliseconds, MiB, a negated flag) are converted in run_serve.
struct ServeOptions {
  GraphSource source;
  server::Options server;
  long long timeout_ms = server::Options{}.timeout.count();
  std::size_t max_memory_mib = 0;
  std::size_t term_cache_mib = server::Options{}.term_cache >> 20;
  bool no_cors = false;
};

void run_serve(const ServeOptions& o) {
  // Block SIGINT/SIGTERM before any thread starts, so that only sigwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // An index file is served where it lies, mapped, once its every section's checksum is checked;
  // any other source is read into memory once.
  GraphSource source = o.source;
  source.verify_index = true;
  query::Dataset dataset = load_dataset(source);
  const std::size_t triples = dataset.default_graph().size();
  server::Options options = o.server;
  options.base = instance_base(o.source);
  options.timeout = std::chrono::milliseconds(o.timeout_ms);
  options.max_memory = o.max_memory_mib << 20;
  options.term_cache = o.term_cache_mib << 20;
  options.cors = !o.no_cors;
  auto log_mutex = std::make_shared<std::mutex>();
  options.log = [log_mutex](std::string_view line) {
    std::lock_guard guard(*log_mutex);
    std::cerr << line << '\n';
  };
  server::Server server(std::move(dataset), options);
  int port = server.start();
  std::cerr << "policykg: serving " << triples << " triples at http://" << options.host << ":" << port
            << "/ (SPARQL endpoint /sparql); Ctrl-C stops" << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  server.stop();
}

}  // namespace

void setup_serve(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve a SPARQL endpoint and linked-data pages");
  server::Options& so = options->server;
  cmd->add_option("--port", so.port, "TCP port (default 8080; 0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", so.host, "address to listen on (default 127.0.0.1)");
  add_graph_options(*cmd, options->source);
  cmd->add_option("--timeout", options->timeout_ms, "per-query timeout in milliseconds (default 30000; 0: none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-rows", so.max_rows, "result rows (or triples) per query before truncation (default 10000; 0: none)");
  cmd->add_option("--max-request-bytes", so.max_request_bytes, "largest request body accepted (default 1048576)");
  cmd->add_option("--max-connections,--threads", so.max_connections,
                  "connections open at once (default 4096, at most the open-file limit allows; 503 beyond)")
      ->check(CLI::Range(4, 1 << 20));
  cmd->add_option("--max-connections-per-client", so.max_connections_per_client,
                  "connections served at once from one client address (default 32; 503 beyond)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--max-queries", so.max_queries,
                  "queries evaluated at once (default: the machine's cores, at least 2)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--query-queue", so.query_queue,
                  "queries waiting for their turn (default 32; 503 with Retry-After beyond)")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--workers", so.workers,
                  "threads running the handlers (default: --max-queries + --query-queue + the machine's cores)")
      ->check(CLI::Range(0, 8192));
  cmd->add_option("--max-memory", options->max_memory_mib,
                  "MiB one query may hold while it runs (default 0: half the machine's memory over --max-queries)");
  cmd->add_option("--term-cache", options->term_cache_mib,
                  "MiB of decoded terms kept between requests (default 128; 0: every term decoded is kept)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 30));
  cmd->add_flag("--no-cors", options->no_cors, "do not send Access-Control-Allow-Origin: *");
  cmd->callback([options] { run_serve(*options); });
}

}  // namespace policykg::cli
