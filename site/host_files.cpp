#include "site/host_files.hpp"

#include <string_view>

namespace policykg::site {

namespace {

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Apache 2.4 with mod_rewrite (and mod_headers for Vary): the site's folder at SITE_PATH.
constexpr std::string_view kHtaccess = R"(# policykg static linked-data site, served at @URL@/ (written by policykg publish --site).
# Apache 2.4 with mod_rewrite (mod_headers for Vary): this folder must be what @PATH@ serves.
@NOTE@# Instance IRIs @URL@/id/X answer 303 See Other to X's page or data, by Accept, as
# `policykg serve` does; the ontology, VoID and DCAT are negotiated in place (200).
# On w3id.org itself, put these rules in the w3id repository's policykg/.htaccess with each
# target prefixed by the host that holds the files (https://HOST/PATH/id/$1.ttl, ...).

Options -MultiViews -Indexes
DirectoryIndex index.html
AddDefaultCharset utf-8
AddType text/turtle .ttl
AddType application/n-triples .nt
AddType application/n-quads .nq
AddType application/ld+json .jsonld
AddType application/rdf+xml .rdf
AddCharset utf-8 .ttl .nt .nq .html .css .md

<IfModule mod_headers.c>
  Header always set X-Content-Type-Options nosniff
  Header always set Access-Control-Allow-Origin "*"
  Header always merge Vary Accept env=POLICYKG_NEGOTIATED
</IfModule>

RewriteEngine on
RewriteBase @PATH@

# The documents themselves (id/X.ttl, dump.nt, ...) are served as they are.
RewriteCond %{REQUEST_FILENAME} -f
RewriteRule ^ - [L]

# The dataset's IRI: 303 to its VoID description.
RewriteRule ^id/dataset$ .well-known/void [R=303,L,E=POLICYKG_NEGOTIATED:1]

# An instance that has a page: its data in the RDF format the client names first (Turtle,
# N-Triples, JSON-LD, RDF/XML), else its page for a browser, else Turtle, as the server answers */*.
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteCond %{HTTP_ACCEPT} text/turtle|application/x-turtle
RewriteRule ^id/(.+)$ id/$1.ttl [R=303,L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteCond %{HTTP_ACCEPT} application/n-triples
RewriteRule ^id/(.+)$ id/$1.nt [R=303,L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteCond %{HTTP_ACCEPT} application/ld\+json
RewriteRule ^id/(.+)$ id/$1.jsonld [R=303,L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteCond %{HTTP_ACCEPT} application/rdf\+xml
RewriteRule ^id/(.+)$ id/$1.rdf [R=303,L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteCond %{HTTP_ACCEPT} text/html|application/xhtml\+xml
RewriteRule ^id/(.+)$ id/$1.html [R=303,L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteRule ^id/(.+)$ id/$1.ttl [R=303,L,E=POLICYKG_NEGOTIATED:1]

# The ontology (hash IRIs), VoID and DCAT: 200 with the representation asked for.
RewriteCond %{HTTP_ACCEPT} text/turtle|application/x-turtle
RewriteRule ^(ontology|dcat|\.well-known/void)$ $1.ttl [L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{HTTP_ACCEPT} application/n-triples
RewriteRule ^(ontology|dcat|\.well-known/void)$ $1.nt [L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{HTTP_ACCEPT} application/ld\+json
RewriteRule ^(ontology|dcat|\.well-known/void)$ $1.jsonld [L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{HTTP_ACCEPT} application/rdf\+xml
RewriteRule ^(ontology|dcat|\.well-known/void)$ $1.rdf [L,E=POLICYKG_NEGOTIATED:1]
RewriteCond %{HTTP_ACCEPT} text/html|application/xhtml\+xml
RewriteRule ^(ontology|dcat|\.well-known/void)$ $1.html [L,E=POLICYKG_NEGOTIATED:1]
RewriteRule ^(ontology|dcat|\.well-known/void)$ $1.ttl [L,E=POLICYKG_NEGOTIATED:1]

# The pages the server names without an extension.
RewriteRule ^(pictures|graph)$ $1.html [L]
)";

// nginx: a map in the http block, locations in the server block.
constexpr std::string_view kNginx = R"(# policykg static linked-data site, served at @URL@/ (written by policykg publish --site).
# Instance IRIs @URL@/id/X answer 303 See Other to X's page or data, by Accept, as
# `policykg serve` does; the ontology, VoID and DCAT are negotiated in place (200).
# Put the map in the http block and the locations in the server block, with `root` the folder
# that holds this site's folder as @PATH@ (the site in /srv/www@PATH@ below).
@NOTE@
map $http_accept $policykg_ext {
    default                              ttl;   # */* and no Accept: Turtle, as the server answers
    ~*(text/turtle|application/x-turtle) ttl;
    ~*application/n-triples              nt;
    ~*application/ld\+json               jsonld;
    ~*application/rdf\+xml               rdf;
    ~*(text/html|application/xhtml\+xml) html;
}

location @PATH@ {
    root /srv/www;
    index index.html;
    charset utf-8;
    charset_types text/turtle application/n-triples application/n-quads text/css text/markdown;
    types {
        text/html              html;
        text/css               css;
        text/turtle            ttl;
        application/n-triples  nt;
        application/n-quads    nq;
        application/ld+json    jsonld;
        application/rdf+xml    rdf;
        text/markdown          md;
    }
    # A location with an add_header of its own inherits none of these: each repeats them.
    add_header X-Content-Type-Options nosniff always;
    add_header Access-Control-Allow-Origin * always;

    location = @PATH@id/dataset {
        add_header X-Content-Type-Options nosniff always;
        add_header Access-Control-Allow-Origin * always;
        add_header Vary Accept always;
        return 303 @PATH@.well-known/void;
    }
    location @PATH@id/ {
        try_files $uri @policykg_instance;
    }
    location ~ ^@PATH@(ontology|dcat|\.well-known/void)$ {
        add_header X-Content-Type-Options nosniff always;
        add_header Access-Control-Allow-Origin * always;
        add_header Vary Accept always;
        try_files $uri.$policykg_ext =404;
    }
    location ~ ^@PATH@(pictures|graph)$ {
        try_files $uri.html =404;
    }
}

location @policykg_instance {
    root /srv/www;
    add_header X-Content-Type-Options nosniff always;
    add_header Access-Control-Allow-Origin * always;
    if (!-f $request_filename.html) {
        return 404;
    }
    add_header Vary Accept always;
    return 303 $uri.$policykg_ext;
}
)";

constexpr std::string_view kReadme = R"(# A static linked-data site of policykg

Written by `policykg publish --site`: what `policykg serve` serves, as files, for a static web
host. Publish this folder at **@URL@/**; instance IRIs (`@BASE@X`) then lead to the files
below. Writing the site again replaces the folder whole (the hidden `.policykg-site` marks it);
the same graph gives the same files, byte for byte.

## What is here

| file | what | served by `policykg serve` at |
|---|---|---|
| `id/X.html` | the page of the resource `@BASE@X` | `/page/X` |
| `id/X.ttl`, `id/X.nt`, `id/X.jsonld`, `id/X.rdf` | its description in Turtle, N-Triples, JSON-LD, RDF/XML | `/data/X.ttl`, ... |
| `ontology.html`, `ontology.ttl`, ... | the ontology's documentation and the ontology | `/ontology.html`, `/ontology.ttl`, ... |
| `.well-known/void.html`, `.well-known/void.ttl`, ... | the VoID description of the dataset | `/.well-known/void` |
| `dcat.html`, `dcat.ttl`, ... | its DCAT description | `/dcat` |
| `dump.ttl`, `dump.nt`, `dump.nq`, `dump.rdf`, `dump.jsonld` | the whole graph | the same |
| `index.html`, `graph.html`, `pictures.html`, `site.css` | the index, the graph, the pictures of the plan, the style | `/`, `/graph`, `/pictures`, `/site.css` |
| `.htaccess`, `nginx.conf` | the rules for 303 See Other and content negotiation | (the server's own) |

The data files hold exactly what the server answers. The pages are the server's, with their
links relative (`../../site.css`), so the folder works wherever it is put, even opened from the
disk; what needs a running server (the SPARQL endpoint and query page, search, the graph around
one resource) is left out. A character that cannot stand in a file name (`:`, `?`, `%`, ...)
is written `%XX` in its file's name (`id/a%3Ab.html`), and a leading dot as `%2E`.

## Publishing

- **Apache** (2.4, `mod_rewrite`; `mod_headers` for `Vary`): copy the folder to where `@PATH@`
  is served, with `AllowOverride FileInfo Indexes Options=Indexes,MultiViews` (or the rules of
  `.htaccess` in the server's configuration). `@URL@/id/X` then answers 303 to `id/X.html` for a
  browser and to `id/X.ttl`, `.nt`, `.jsonld` or `.rdf` for a client that asks for that type
  (Turtle for `*/*`).
- **nginx**: `nginx.conf` holds a `map` for the `http` block and the `location`s for the
  `server` block; set `root` to the folder that holds the site as `@PATH@`.
- **w3id.org**: the IRIs `https://w3id.org/policykg/…` are redirected by the w3id repository's
  `policykg/.htaccess`. Either redirect everything to the host that serves this folder (whose
  own `.htaccess` then answers the 303s), or put the rules of `.htaccess` there with each target
  prefixed by the host's URL.
- **Hosts without rewrite rules** (GitHub Pages, plain file servers): the pages, the data files
  and the dumps work as they are (`.nojekyll` keeps `.well-known/` on GitHub Pages); the IRIs
  themselves then need a redirecting service in front, such as w3id.org.

Both sets of rules are tested as written here, on Debian 12's Apache 2.4 and nginx 1.22.

The rules name RDF types by substring, the first of Turtle, N-Triples, JSON-LD and RDF/XML a
client names winning, then HTML; the server weighs `q` values. A name written with `%XX` in its
file is reached from the pages but not through the rules.
)";

}  // namespace

std::string site_path(const std::string& site_url) {
  auto scheme = site_url.find("://");
  auto slash = scheme == std::string::npos ? std::string::npos : site_url.find('/', scheme + 3);
  std::string path = slash == std::string::npos ? "/" : site_url.substr(slash);
  if (!path.ends_with('/')) path += '/';
  return path;
}

HostFiles host_files(const std::string& site_url, const std::string& base) {
  auto fill = [&](std::string_view text) {
    std::string out = replace_all(std::string(text), "@URL@", site_url);
    out = replace_all(std::move(out), "@BASE@", base);
    out = replace_all(std::move(out), "@NOTE@",
                      base == site_url + "/id/"
                          ? std::string()
                          : "# NOTE: the instance base " + base + " is not " + site_url +
                                "/id/, where these rules expect the instance IRIs: adapt them.\n");
    return replace_all(std::move(out), "@PATH@", site_path(site_url));
  };
  return {fill(kHtaccess), fill(kNginx), fill(kReadme)};
}

}  // namespace policykg::site
