// How tkt prints its help: CLI11's layout, with every description wrapped at word
// boundaries to the terminal's width, and without CLI11's "Needs:" and "Excludes:"
// notes (each description says in words which options go together).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class Formatter;
}

namespace tkt::cli {

// Returns `text` broken at spaces into lines of at most `width` display columns; a
// word wider than `width` gets a line of its own, and the line breaks of `text` stay.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// Returns the help formatter for a terminal `width` columns wide; give it to the app
// before adding subcommands, which take their parent's formatter when added.
std::shared_ptr<CLI::Formatter> make_help_formatter(std::size_t width);

}  // namespace tkt::cli
