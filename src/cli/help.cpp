#include "cli/help.hpp"

#include "core/text.hpp"

#include <CLI/CLI.hpp>

namespace tkt::cli {
namespace {

// The columns a description gets at the least beside the names before the description
// column moves left, on a narrow terminal, down to k_min_indent.
constexpr std::size_t k_min_description_width = 40;
constexpr std::size_t k_min_indent = 8;

// CLI11's help with the descriptions wrapped to the terminal. The layout is CLI11's own,
// so that help that fits reads exactly as before.
class WrappingFormatter : public CLI::Formatter {
public:
    explicit WrappingFormatter(std::size_t width) : m_width(width) {}

    std::string make_description(const CLI::App* app) const override {
        return wrap(CLI::Formatter::make_description(app));
    }

    std::string make_footer(const CLI::App* app) const override { return wrap(CLI::Formatter::make_footer(app)); }

    std::string make_option(const CLI::Option* option, bool is_positional) const override {
        return make_entry(make_option_name(option, is_positional) + make_option_opts(option), make_option_desc(option));
    }

    // Returns what follows an option's name: its type, default, "..." for a list and
    // REQUIRED; not CLI11's "Needs:" and "Excludes:", which repeat the description.
    std::string make_option_opts(const CLI::Option* option) const override {
        if (!option->get_option_text().empty()) {
            return " " + option->get_option_text();
        }
        if (option->get_type_size() == 0) {
            return "";
        }
        std::string opts;
        if (!option->get_type_name().empty()) {
            opts += " " + get_label(option->get_type_name());
        }
        if (!option->get_default_str().empty()) {
            opts += "=" + option->get_default_str();
        }
        if (option->get_expected_max() == CLI::detail::expected_max_vector_size) {
            opts += " ...";
        } else if (option->get_expected_min() > 1) {
            opts += " x " + std::to_string(option->get_expected());
        }
        return option->get_required() ? opts + " " + get_label("REQUIRED") : opts;
    }

    std::string make_subcommand(const CLI::App* subcommand) const override {
        return make_entry(subcommand->get_display_name(true), subcommand->get_description());
    }

private:
    // Returns the text of `paragraphs` (ending in a line break, or empty) wrapped to the
    // terminal's width.
    std::string wrap(const std::string& paragraphs) const {
        if (paragraphs.empty()) {
            return paragraphs;
        }
        return join(wrap_words(paragraphs.substr(0, paragraphs.size() - 1), m_width), "\n") + "\n";
    }

    // Returns the column where descriptions start: CLI11's column_width_, unless that
    // leaves them fewer than k_min_description_width columns.
    std::size_t description_column() const {
        if (m_width >= column_width_ + k_min_description_width) {
            return column_width_;
        }
        return std::max(k_min_indent, m_width > k_min_description_width ? m_width - k_min_description_width : 0);
    }

    // Returns one entry of a list, as CLI11 lays it out: `name` indented by two, and
    // `description` from the description column (on the next line when `name` reaches
    // it), its continuation lines starting in that column too.
    std::string make_entry(const std::string& name, const std::string& description) const {
        const std::string head = "  " + name;
        const std::size_t column = description_column();
        const std::string indent(column, ' ');
        const std::string entry = head.size() < column  ? head + std::string(column - head.size(), ' ')
                                  : description.empty() ? head
                                                        : head + "\n" + indent;
        const std::size_t width = std::max(m_width, column + k_min_indent) - column;
        return entry + join(wrap_words(description, width), "\n" + indent) + "\n";
    }

    std::size_t m_width;
};

}  // namespace

std::shared_ptr<CLI::Formatter> make_help_formatter(std::size_t width) {
    return std::make_shared<WrappingFormatter>(width);
}

}  // namespace tkt::cli
