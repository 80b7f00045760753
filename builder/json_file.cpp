// Strict JSON data files (see the header). nlohmann::json parses the text; its DOM keeps no
// positions, and its SAX callbacks receive none either (3.11), so once the text is known to be
// JSON a small scan of it records the offset of every member's key and every array element under
// its JSON pointer. Errors turn that offset into a line and a column.
#include "builder/json_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace policykg::builder {

namespace {

using nlohmann::json;

// "~" and "/" escaped as a JSON pointer's reference token needs.
std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string member_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

// Walks a text nlohmann::json has accepted, recording where each member's key and each array
// element starts; a key given twice in one object is an error (the DOM would keep one of them).
class Locator {
 public:
  Locator(const std::string& text, std::map<std::string, std::size_t>& offsets, const JsonFile& file)
      : t_(text), offsets_(offsets), file_(file) {}

  void run() {
    offsets_[""] = skip_space(0);
    value("", "");
  }

 private:
  std::size_t skip_space(std::size_t i) const {
    while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\t' || t_[i] == '\n' || t_[i] == '\r')) ++i;
    return i;
  }

  // The string token at i_ (a quote), decoded; i_ moves past it.
  std::string string() {
    const std::size_t begin = i_++;
    while (t_[i_] != '"') i_ += t_[i_] == '\\' ? 2 : 1;
    ++i_;
    return json::parse(std::string_view(t_).substr(begin, i_ - begin)).get<std::string>();
  }

  void value(const std::string& pointer, const std::string& path) {
    i_ = skip_space(i_);
    if (t_[i_] == '{') {
      i_ = skip_space(i_ + 1);
      if (t_[i_] == '}') {
        ++i_;
        return;
      }
      for (;;) {
        i_ = skip_space(i_);
        const std::size_t at = i_;
        const std::string key = string();
        const std::string p = pointer + "/" + pointer_token(key);
        if (auto [it, fresh] = offsets_.emplace(p, at); !fresh) {
          const Place first = file_.place(it->second);
          throw Error(Error::Category::Input, file_.place(at),
                      "key \"" + key + "\" given twice" + (path.empty() ? "" : " in " + path) + " (first at " +
                          std::to_string(first.line) + ":" + std::to_string(first.column) + ")");
        }
        i_ = skip_space(i_) + 1;  // the colon
        value(p, member_path(path, key));
        i_ = skip_space(i_);
        if (t_[i_++] == '}') return;  // else a comma
      }
    }
    if (t_[i_] == '[') {
      i_ = skip_space(i_ + 1);
      if (t_[i_] == ']') {
        ++i_;
        return;
      }
      for (std::size_t n = 0;; ++n) {
        i_ = skip_space(i_);
        const std::string p = pointer + "/" + std::to_string(n);
        offsets_[p] = i_;
        value(p, path + "[" + std::to_string(n) + "]");
        i_ = skip_space(i_);
        if (t_[i_++] == ']') return;  // else a comma
      }
    }
    if (t_[i_] == '"') {
      string();
      return;
    }
    // A number, true, false or null.
    while (i_ < t_.size() && std::string_view(",]} \t\n\r").find(t_[i_]) == std::string_view::npos) ++i_;
  }

  const std::string& t_;
  std::map<std::string, std::size_t>& offsets_;
  const JsonFile& file_;
  std::size_t i_ = 0;
};

// "a string", "a number", …: what a value is, for an error.
std::string kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "the number " + v.dump();
    default: return "a value of another type";
  }
}

}  // namespace

JsonFile::JsonFile(const std::filesystem::path& file) : file_(file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Error::Category::Input, file.string(), "cannot read the file");
  std::ostringstream ss;
  ss << in.rdbuf();
  text_ = ss.str();
  try {
    json_ = std::make_unique<json>(json::parse(text_));
  } catch (const json::parse_error& e) {
    // e.byte counts from 1 and may be one past the end.
    const std::size_t at = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, text_.size()) : 0;
    throw Error(Error::Category::Input, place(at), std::string("not JSON: ") + e.what());
  }
  Locator(text_, offsets_, *this).run();
}

JsonFile::~JsonFile() = default;

JsonObject JsonFile::root() const { return JsonObject(JsonValue(this, json_.get(), "", "")); }

Place JsonFile::place(std::size_t offset) const { return Place::in(file_.string(), text_, offset); }

std::size_t JsonFile::offset(const std::string& pointer) const {
  auto it = offsets_.find(pointer);
  return it == offsets_.end() ? 0 : it->second;
}

void JsonValue::fail(const std::string& message) const {
  throw Error(Error::Category::Input, file_->place(file_->offset(pointer_)),
              path_.empty() ? message : path_ + ": " + message);
}

void JsonValue::expected(const char* what) const { fail(std::string("expected ") + what + ", found " + kind_of(*value_)); }

std::string JsonValue::as_string() const {
  if (!value_->is_string()) expected("a string");
  return value_->get<std::string>();
}

std::size_t JsonValue::as_count() const {
  if (!value_->is_number_unsigned()) expected("a whole number (0 or more)");
  return value_->get<std::size_t>();
}

bool JsonValue::as_bool() const {
  if (!value_->is_boolean()) expected("true or false");
  return value_->get<bool>();
}

std::vector<JsonValue> JsonValue::as_array() const {
  if (!value_->is_array()) expected("an array");
  std::vector<JsonValue> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i)
    out.push_back(JsonValue(file_, &(*value_)[i], pointer_ + "/" + std::to_string(i), path_ + "[" + std::to_string(i) + "]"));
  return out;
}

std::vector<std::string> JsonValue::as_strings() const {
  if (!value_->is_array()) expected("an array of strings");
  std::vector<std::string> out;
  out.reserve(value_->size());
  for (const JsonValue& v : as_array()) out.push_back(v.as_string());
  return out;
}

JsonObject::JsonObject(const JsonValue& value) : self_(value) {
  if (!self_.value_->is_object()) self_.expected("an object");
}

JsonValue JsonObject::member(std::string_view key) const {
  return JsonValue(self_.file_, &self_.value_->at(std::string(key)), self_.pointer_ + "/" + pointer_token(key),
                   member_path(self_.path_, key));
}

bool JsonObject::has(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  return self_.value_->contains(std::string(key));
}

JsonValue JsonObject::at(std::string_view key) {
  if (!has(key)) self_.fail("missing key \"" + std::string(key) + "\"");
  return member(key);
}

void JsonObject::get(std::string_view key, std::string& out) {
  if (has(key)) out = member(key).as_string();
}
void JsonObject::get(std::string_view key, std::size_t& out) {
  if (has(key)) out = member(key).as_count();
}
void JsonObject::get(std::string_view key, bool& out) {
  if (has(key)) out = member(key).as_bool();
}
void JsonObject::get(std::string_view key, std::vector<std::string>& out) {
  if (has(key)) out = member(key).as_strings();
}

std::vector<JsonValue> JsonObject::array(std::string_view key) {
  return has(key) ? member(key).as_array() : std::vector<JsonValue>{};
}

void JsonObject::finish() const {
  // The members in file order, so that the first one wrong is the one named.
  std::vector<std::pair<std::size_t, std::string>> members;
  for (const auto& [key, value] : self_.value_->items())
    members.emplace_back(self_.file_->offset(self_.pointer_ + "/" + pointer_token(key)), key);
  std::sort(members.begin(), members.end());
  for (const auto& [offset, key] : members) {
    if (key == "comment") {
      member(key).as_string();
      continue;
    }
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    std::string known;
    for (const auto& k : known_) known += (known.empty() ? "" : ", ") + k;
    throw Error(Error::Category::Input, self_.file_->place(offset),
                "unknown key \"" + key + "\"" + (self_.path_.empty() ? "" : " in " + self_.path_) + " (known: " +
                    (known.empty() ? "none" : known) + ")");
  }
}

}  // namespace policykg::builder
