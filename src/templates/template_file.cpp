// Template files: the only place that reads their TOML.
#include "templates/template_file.hpp"

#include "core/toml_file.hpp"

#include <algorithm>

namespace tkt {
namespace {

class FileReader : public toml_file::Reader {
public:
    using Reader::Reader;

    const toml::table& table(const toml::node& node, std::string_view name) const {
        if (!node.is_table()) {
            fail(node.source(), fmt::format("'{}' must be a table", name));
        }
        return *node.as_table();
    }
};

// Checks the Mustache of `text`, which begins at `line` of the file.
void check_mustache(const FileReader& reader, const std::string& text, std::size_t line,
                    const toml::source_region& where) {
    try {
        mustache::Template parsed(text);
    } catch (const mustache::SyntaxError& error) {
        const auto position = error.position();
        if (line == 0) {
            reader.fail(where, error.what());
        }
        throw config_error(reader.path().string(), static_cast<std::int64_t>(line + position.line - 1),
                           static_cast<std::int64_t>(position.column), error.what());
    }
}

// Reads `attachments`, a list of files beside the template: a path that is absolute
// or climbs out of the template's folder is refused, so that a template names what
// its folder holds.
std::vector<std::string> read_attachments(const FileReader& reader, const toml::node& node, std::string_view key) {
    auto names = reader.strings(node, key);
    for (const auto& name : names) {
        const std::filesystem::path path(name);
        const bool climbs = std::any_of(path.begin(), path.end(), [](const auto& part) { return part == ".."; });
        if (name.empty() || path.is_absolute() || climbs || name.find('\0') != std::string::npos) {
            reader.fail(node.source(), fmt::format("'{}' names '{}': give a file in the template's folder, such as "
                                                   "\"instructions.pdf\"",
                                                   key, name));
        }
    }
    return names;
}

// A literal multi-line string starts on the line after its opening quotes.
std::size_t first_line_of(const toml::node& node) {
    const auto& begin = node.source().begin;
    return begin.line + 1;
}

TemplateText read_language(const FileReader& reader, const toml::table& language, std::string_view name) {
    const std::string where = fmt::format("lang.{}.", name);
    reader.check_keys(language, where, std::array<std::string_view, 3>{"subject", "body", "attachments"});
    TemplateText text;
    text.subject = reader.string(language, "subject", where);
    text.body = reader.string(language, "body", where);
    if (const auto* subject = language.get("subject")) {
        text.subject_line = subject->source().begin.line;
        check_mustache(reader, text.subject, 0, subject->source());
    }
    if (const auto* body = language.get("body")) {
        text.body_line = first_line_of(*body);
        check_mustache(reader, text.body, text.body_line, body->source());
    } else {
        reader.fail(language.source(), fmt::format("'{}body' is missing", where));
    }
    if (const auto* attachments = language.get("attachments")) {
        text.attachments = read_attachments(reader, *attachments, where + "attachments");
    }
    return text;
}

void read_vars(const FileReader& reader, const toml::table& vars, TemplateFile& file) {
    for (const auto& [key, node] : vars) {
        const auto& var = reader.table(node, fmt::format("vars.{}", key.str()));
        const std::string where = fmt::format("vars.{}.", key.str());
        reader.check_keys(var, where, std::array<std::string_view, 3>{"description", "required", "default"});
        TemplateVar entry{std::string(key.str()), reader.string(var, "description", where), false, std::nullopt};
        if (const auto* required = var.get("required")) {
            if (!required->is_boolean()) {
                reader.fail(required->source(), fmt::format("'{}required' must be true or false", where));
            }
            entry.required = *required->value<bool>();
        }
        if (var.get("default")) {
            entry.default_value = reader.string(var, "default", where);
        }
        file.vars.push_back(std::move(entry));
    }
}

void read_header(const FileReader& reader, const toml::table& header, TemplateFile& file) {
    reader.check_keys(
        header, "template.",
        std::array<std::string_view, 5>{"description", "category", "tags", "status_after", "attachments"});
    file.description = reader.string(header, "description", "template.");
    file.category = reader.string(header, "category", "template.");
    if (const auto* tags = header.get("tags")) {
        file.tags = reader.strings(*tags, "template.tags");
    }
    if (const auto* attachments = header.get("attachments")) {
        file.attachments = read_attachments(reader, *attachments, "template.attachments");
    }
    if (const auto* status = header.get("status_after")) {
        const auto name = reader.string(header, "status_after", "template.");
        file.status_after = parse_status(name);
        if (!file.status_after) {
            reader.fail(status->source(),
                        fmt::format("unknown status '{}'{} (valid: new, open, pending, solved, closed)", name,
                                    did_you_mean(name, status_names())));
        }
    }
}

}  // namespace

TemplateFile load_template_file(const std::filesystem::path& path) {
    const FileReader reader(path);
    const toml::table root = reader.parse();
    TemplateFile file;
    file.name = path.stem().string();
    file.path = path;
    reader.check_keys(root, "", std::array<std::string_view, 3>{"template", "vars", "lang"});
    if (const auto* header = root.get("template")) {
        read_header(reader, reader.table(*header, "template"), file);
    }
    if (const auto* vars = root.get("vars")) {
        read_vars(reader, reader.table(*vars, "vars"), file);
    }
    const auto* languages = root.get("lang");
    if (languages == nullptr) {
        throw config_error(path.string(), 1, 1, "no [lang.en] or other language table");
    }
    for (const auto& [key, node] : reader.table(*languages, "lang")) {
        file.languages.emplace(std::string(key.str()),
                               read_language(reader, reader.table(node, fmt::format("lang.{}", key.str())), key.str()));
    }
    return file;
}

std::vector<std::filesystem::path> template_attachments(const TemplateFile& file, std::string_view lang) {
    std::vector<std::filesystem::path> paths;
    const auto folder = file.path.parent_path();
    for (const auto& name : file.attachments) {
        paths.push_back(folder / name);
    }
    if (const auto text = file.languages.find(std::string(lang)); text != file.languages.end()) {
        for (const auto& name : text->second.attachments) {
            paths.push_back(folder / name);
        }
    }
    return paths;
}

TemplateLibrary::TemplateLibrary(std::vector<std::filesystem::path> folders) : m_folders(std::move(folders)) {}

std::optional<std::filesystem::path> TemplateLibrary::path_of(std::string_view name) const {
    // Names only, never paths: a partial cannot reach outside the template folders. The
    // NUL is in the set too: the file system would end the name there.
    constexpr std::string_view k_not_in_names("/\\\0", 3);
    const bool plain = !name.empty() && name.find_first_of(k_not_in_names) == std::string_view::npos && name != "." &&
                       name != ".." && !name.starts_with('.');
    if (!plain) {
        return std::nullopt;
    }
    for (const auto& folder : m_folders) {
        auto path = folder / (std::string(name) + ".toml");
        std::error_code error;
        if (std::filesystem::is_regular_file(path, error)) {
            return path;
        }
    }
    return std::nullopt;
}

std::optional<TemplateFile> TemplateLibrary::find(std::string_view name) const {
    const auto path = path_of(name);
    return path ? std::optional(load_template_file(*path)) : std::nullopt;
}

TemplateFile TemplateLibrary::get(std::string_view name) const {
    const auto path = path_of(name);
    if (!path) {
        throw unknown(name);
    }
    return load_template_file(*path);
}

Error TemplateLibrary::unknown(std::string_view name) const {
    const auto known = names();
    const std::vector<std::string_view> views(known.begin(), known.end());
    const auto close = closest_match(name, views);
    return usage_error(fmt::format("unknown template '{}' ({}see 'tkt template list')", name,
                                   close ? fmt::format("did you mean '{}'? ", *close) : ""));
}

std::vector<std::string> TemplateLibrary::names() const {
    std::vector<std::string> names;
    for (const auto& folder : m_folders) {
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
            const auto stem = entry.path().stem().string();
            if (entry.path().extension() == ".toml" && stem != "lint" && !stem.starts_with('.') &&
                std::find(names.begin(), names.end(), stem) == names.end()) {
                names.push_back(stem);
            }
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace tkt
