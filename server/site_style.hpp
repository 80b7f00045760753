// The style sheet of the server's own pages (/site.css): plain, readable, printable.
#pragma once

#include <string_view>

namespace policykg::server {

inline constexpr std::string_view kSiteStyle = R"(body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fff}
nav.site{background:#24364b;padding:.5em 1em}nav.site a{color:#fff;margin-right:1.2em;text-decoration:none;font-weight:600}
main{max-width:70em;margin:0 auto;padding:1em 1.5em}
h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
code{font-size:.9em;background:#f4f4f4;padding:0 .2em}p.iri code{word-break:break-all}
table.properties{border-collapse:collapse;width:100%}table.properties th,table.properties td{border-top:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}
table.properties th{width:25%;font-weight:500;color:#444}
blockquote.text{margin:0;padding:.5em 1em;border-left:4px solid #5b8ac7;background:#f5f8fc}
pre.source-context{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:.8em;font-size:.9em}
mark{background:#ffe58a}small.lang,small.datatype{color:#777}.note{color:#666;font-style:italic}
nav.structure{color:#555;margin:.5em 0}section.term{margin:1.2em 0;padding-top:.3em}section.term h3 small{color:#777;font-weight:400}
)";

}  // namespace policykg::server
