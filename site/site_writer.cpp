#include "site/site_writer.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "rdf/format.hpp"
#include "server/context.hpp"
#include "server/dataset_descriptions.hpp"
#include "server/dcat_description.hpp"
#include "server/pictures_page.hpp"
#include "server/representation.hpp"
#include "server/router.hpp"
#include "server/routes.hpp"
#include "server/void_description.hpp"
#include "site/host_files.hpp"
#include "site/site_map.hpp"
#include "site/static_page.hpp"

namespace policykg::site {

namespace fs = std::filesystem;

namespace {

std::string error_text(int error) { return std::strerror(error); }

bool is_inside(const fs::path& file, const fs::path& folder) {
  auto [folder_end, file_it] = std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
  return folder_end == folder.end();
}

fs::path absolute_folder(const fs::path& dir) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(dir), ec);
  if (ec) throw Error(Error::Category::Io, dir.string(), "cannot resolve the folder: " + ec.message());
  // "site/" and "site" are one folder
  if (!out.has_filename() && out.has_parent_path() && out != out.root_path()) out = out.parent_path();
  return out;
}

// The server's answer to GET `path` with `accept`, which must be 200.
std::string fetch(const server::Router& routes, const std::string& path, const std::string& accept = {}) {
  server::Request req;
  req.method = "GET";
  req.target = path;
  req.path = path;
  if (!accept.empty()) req.set_header("Accept", accept);
  server::Response res;
  if (!routes.dispatch(req, res) || res.status != 200)
    throw Error(Error::Category::Internal, path,
                "the server answers " + std::to_string(res.status) + " where the site needs the page: " + res.body);
  return std::move(res.body);
}

// The temporary folder the site is written in, removed unless it was put in place.
class TemporaryFolder {
 public:
  explicit TemporaryFolder(const fs::path& target) {
    std::string pattern = (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
      throw Error(Error::Category::Io, target.string(),
                  "cannot create the site's temporary folder beside it, in " + target.parent_path().string() + ": " +
                      error_text(errno));
    path_ = pattern;
    // as a folder made by mkdir: 0777 less the umask (mkdtemp makes it 0700)
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(path_.c_str(), 0777 & ~mask);
  }
  ~TemporaryFolder() {
    if (!path_.empty()) {
      std::error_code ec;
      fs::remove_all(path_, ec);
    }
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const fs::path& path() const { return path_; }
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

class Writer {
 public:
  explicit Writer(fs::path root) : root_(std::move(root)) {}
  void folder(const std::string& relative) {
    std::error_code ec;
    fs::create_directories(root_ / relative, ec);
    if (ec) throw Error(Error::Category::Io, (root_ / relative).string(), "cannot create the folder: " + ec.message());
  }
  void file(const std::string& relative, std::string_view content) {
    const fs::path path = root_ / relative;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw Error(Error::Category::Io, path.string(), "cannot write the file: " + error_text(errno));
    files_.fetch_add(1);
    bytes_.fetch_add(content.size());
  }
  std::size_t files() const { return files_.load(); }
  std::uintmax_t bytes() const { return bytes_.load(); }

 private:
  fs::path root_;
  std::atomic<std::size_t> files_{0};
  std::atomic<std::uintmax_t> bytes_{0};
};

// Puts the written site at `target`: a rename, or an exchange with the folder there (whose old
// content is then removed).
void put_in_place(TemporaryFolder& written, const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(target, ec))) {
    if (::rename(written.path().c_str(), target.c_str()) != 0)
      throw Error(Error::Category::Io, target.string(), "cannot rename the written site into place: " + error_text(errno));
    written.release();
    return;
  }
  if (::renameat2(AT_FDCWD, written.path().c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    // A file system without the exchange: the old folder aside, then the new one in place.
    const int exchange_error = errno;
    if (exchange_error != EINVAL && exchange_error != ENOSYS)
      throw Error(Error::Category::Io, target.string(), "cannot put the written site in place: " + error_text(exchange_error));
    const fs::path old = written.path().string() + "-old";
    if (::rename(target.c_str(), old.c_str()) != 0)
      throw Error(Error::Category::Io, target.string(), "cannot move the old site aside: " + error_text(errno));
    if (::rename(written.path().c_str(), target.c_str()) != 0) {
      const int error = errno;
      ::rename(old.c_str(), target.c_str());
      throw Error(Error::Category::Io, target.string(), "cannot rename the written site into place: " + error_text(error));
    }
    fs::remove_all(old, ec);
    written.release();
    return;
  }
  // the temporary name now holds the old site, which the folder's destructor removes
}

// The local names of every instance IRI the server has a page for: `{base}X` as a subject or an
// object, sorted.
std::set<std::string> published_resources(const server::Context& ctx) {
  std::set<std::string> out;
  const std::string& base = ctx.iris.base();
  auto add = [&](const rdf::Term& t) {
    if (t.is_iri() && t.value.size() > base.size() && t.value.starts_with(base)) out.insert(t.value.substr(base.size()));
  };
  for (const auto& t : ctx.data.triples()) {
    add(t.s);
    add(t.o);
  }
  return out;
}

std::string machine_accept(rdf::Format f) { return std::string(rdf::media_type(f)); }

}  // namespace

std::string default_site_url(const std::string& base) {
  std::string_view b(base);
  if (!b.ends_with('/'))
    throw Error(Error::Category::Usage, "--site-url",
                "the instance base " + base + " does not end with '/': give the site's URL with --site-url");
  b.remove_suffix(1);
  auto slash = b.rfind('/');
  auto scheme = b.find("://");
  if (slash == std::string_view::npos || scheme == std::string_view::npos || slash <= scheme + 2)
    throw Error(Error::Category::Usage, "--site-url",
                "the instance base " + base + " has no folder above its instances: give the site's URL with --site-url");
  return std::string(b.substr(0, slash));
}

void check_site_folder(const SiteOptions& options) {
  if (options.dir.empty()) throw Error(Error::Category::Usage, "--site", "give the site's folder");
  const fs::path dir = absolute_folder(options.dir);
  const std::string shown = options.dir.string();
  if (dir == dir.root_path() || !dir.has_filename())
    throw Error(Error::Category::Usage, shown, "cannot be the site's folder: it is the root of the file system");
  std::error_code ec;
  const fs::path parent = dir.parent_path();
  if (!fs::is_directory(parent, ec))
    throw Error(Error::Category::Io, shown, "cannot take the site: its parent " + parent.string() + " is not an existing folder");
  if (::access(parent.c_str(), W_OK | X_OK) != 0)
    throw Error(Error::Category::Io, shown,
                "cannot take the site: its parent folder " + parent.string() + " is not writable (" + error_text(errno) +
                    "; the site is written beside the folder, then renamed into place)");
  for (const auto& input : options.inputs) {
    const fs::path file = fs::weakly_canonical(fs::absolute(input), ec);
    if (!ec && is_inside(file, dir))
      throw Error(Error::Category::Usage, shown,
                  "cannot be the site's folder: it holds " + input.string() + ", which publish reads (the site replaces the folder whole)");
  }
  const auto status = fs::status(dir, ec);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status))
    throw Error(Error::Category::Io, shown, "is a file, not a folder: the site is a folder of files (give a new name or a folder)");
  if (fs::exists(dir / kMarkerFile, ec) || options.force) return;
  if (fs::directory_iterator(dir, ec) != fs::directory_iterator() || ec)
    throw Error(Error::Category::Io, shown,
                std::string("is a folder that is not empty and holds no site publish wrote (no ") + kMarkerFile +
                    "): give another folder, or --force to replace it whole");
}

SiteSummary write_site(const rdf::Model& model, const SiteOptions& options) {
  check_site_folder(options);
  const fs::path dir = absolute_folder(options.dir);

  server::Context ctx(query::Dataset(model), options.server);
  const std::string site_url = options.site_url.empty() ? default_site_url(ctx.iris.base()) : options.site_url;
  server::Router routes;
  server::add_linked_data(routes, ctx);
  server::add_ontology_page(routes, ctx);
  server::add_dataset_descriptions(routes, ctx);
  server::add_static_files(routes, ctx);
  server::add_graph_page(routes, ctx);

  // Every resource's files, checked before anything is written.
  const std::set<std::string> names = published_resources(ctx);
  std::vector<std::string> resources(names.begin(), names.end());
  std::set<std::string> folders;
  for (const auto& name : resources) {
    const std::string file = resource_file(name, "html", ctx.iris.instance(name));
    folders.insert(file.substr(0, file.rfind('/')));
  }
  const SiteMap map(ctx.iris.base(), site_url, names);

  TemporaryFolder temporary(dir);
  Writer out(temporary.path());
  auto page = [&](const std::string& file, const std::string& html) { out.file(file, static_page(html, file, map)); };

  page("index.html", fetch(routes, "/"));
  out.file("site.css", fetch(routes, "/site.css"));
  page("graph.html", fetch(routes, "/graph"));
  page("pictures.html", server::pictures_page(ctx, "id/", ".html"));
  page("ontology.html", fetch(routes, "/ontology.html"));
  for (auto f : server::kMachineFormats) {
    const std::string ext(server::served_extension(f));
    out.file("ontology." + ext, fetch(routes, "/ontology." + ext));
  }
  out.folder(".well-known");
  const struct {
    const char* file;
    const char* path;
    const char* title;
    std::vector<rdf::Triple> (*describe)(const server::Context&, const std::string&, const std::string&);
  } descriptions[] = {{".well-known/void", server::kVoidPath, server::kVoidTitle, server::void_description},
                      {"dcat", server::kDcatPath, server::kDcatTitle, server::dcat_description}};
  for (const auto& d : descriptions) {
    const auto triples = d.describe(ctx, site_url, options.endpoint);
    page(std::string(d.file) + ".html", server::description_page(ctx, triples, d.path, d.title));
    for (auto f : server::kMachineFormats) {
      server::Response res;
      server::send_triples(res, triples, f, ctx.iris.base());
      out.file(std::string(d.file) + "." + std::string(server::served_extension(f)), res.body);
    }
  }
  for (auto f : {rdf::Format::Turtle, rdf::Format::NTriples, rdf::Format::NQuads, rdf::Format::RdfXml,
                 rdf::Format::JsonLd}) {
    const std::string ext(server::served_extension(f));
    out.file("dump." + ext, fetch(routes, "/dump." + ext));
  }

  // The resources, on as many threads as asked: each writes its own files, in folders made first.
  for (const auto& folder : folders) out.folder(folder);
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::size_t failed_at = resources.size();
  std::exception_ptr failure;
  auto work = [&] {
    for (std::size_t i = next.fetch_add(1); i < resources.size(); i = next.fetch_add(1)) {
      try {
        const std::string& name = resources[i];
        const std::string iri = ctx.iris.instance(name);
        page(resource_file(name, "html", iri), fetch(routes, server::IriMap::page_path(name), "text/html"));
        for (auto f : server::kMachineFormats)
          out.file(resource_file(name, server::served_extension(f), iri),
                   fetch(routes, server::IriMap::data_path(name, f), machine_accept(f)));
      } catch (...) {
        std::lock_guard guard(failure_mutex);
        if (i < failed_at) {  // the first resource's error, whatever the threads' order
          failed_at = i;
          failure = std::current_exception();
        }
      }
    }
  };
  const std::size_t threads = std::max<std::size_t>(1, std::min(options.threads, resources.size()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);

  const HostFiles host = host_files(site_url, ctx.iris.base());
  out.file(".htaccess", host.htaccess);
  out.file("nginx.conf", host.nginx);
  out.file("README.md", host.readme);
  out.file(".nojekyll", "");
  out.file(kMarkerFile, "A static linked-data site written by policykg publish --site, which replaces this folder whole.\n");

  SiteSummary summary{dir, resources.size(), out.files(), out.bytes()};
  put_in_place(temporary, dir);
  return summary;
}

}  // namespace policykg::site
