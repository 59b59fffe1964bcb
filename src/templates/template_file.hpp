// Reply templates: TOML files holding Mustache text per language (DESIGN.md 5), found
// by name in an ordered list of folders, the first folder that has a name winning.
#pragma once

#include "core/error.hpp"
#include "core/ticket.hpp"
#include "templates/mustache.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tkt {

// A variable a template lets the caller give with --var.
struct TemplateVar {
    std::string name;
    std::string description;
    bool required = false;
    std::optional<std::string> default_value;
};

// One language of a template; the lines say where subject and body begin in the file.
struct TemplateText {
    std::string subject;
    std::string body;
    std::size_t subject_line = 0;
    std::size_t body_line = 0;  // the line of the body's first character
    // Files sent with a reply in this language, after the template's own (relative to
    // the template's folder).
    std::vector<std::string> attachments = {};
};

struct TemplateFile {
    std::string name;  // the file stem
    std::filesystem::path path;
    std::string description;
    std::string category;
    std::vector<std::string> tags;
    std::optional<Status> status_after;
    std::vector<TemplateVar> vars;
    std::map<std::string, TemplateText> languages;  // "en", "ru", ...
    // Files sent with a reply in every language: paths relative to the template's
    // folder, never reaching out of it.
    std::vector<std::string> attachments = {};
};

// Returns the files a reply from `file` in `lang` carries: the template's own, then
// those of the language, each as a path beside the template.
std::vector<std::filesystem::path> template_attachments(const TemplateFile& file, std::string_view lang);

// Reads one template file; throws a configuration error (exit 78) naming file:line:col
// for bad TOML, an unknown key, a value of the wrong type, or Mustache that does not parse.
TemplateFile load_template_file(const std::filesystem::path& path);

// The templates in `folders`, earlier folders overriding later ones by name.
class TemplateLibrary {
public:
    explicit TemplateLibrary(std::vector<std::filesystem::path> folders);

    // Returns the file of the template called `name`, from the first folder that has
    // it; nullopt when none has. Names only, never paths: nothing outside the folders.
    std::optional<std::filesystem::path> path_of(std::string_view name) const;

    // Returns the template called `name`, loading it; nullopt when no folder has it.
    std::optional<TemplateFile> find(std::string_view name) const;

    // Returns the template called `name`, loading it; throws unknown() when no folder has it.
    TemplateFile get(std::string_view name) const;

    // Returns the usage error (64) for a template `name` that no folder has, with the
    // closest name there is.
    Error unknown(std::string_view name) const;

    // Returns the names of every template, sorted, each once.
    std::vector<std::string> names() const;

    // Returns the folders searched, in order.
    const std::vector<std::filesystem::path>& folders() const { return m_folders; }

private:
    std::vector<std::filesystem::path> m_folders;
};

}  // namespace tkt
