// How tkt prints its help: CLI11's layout, with every description wrapped at word
// boundaries to the terminal's width, and without CLI11's "Needs:" and "Excludes:"
// notes (each description says in words which options go together).
#pragma once

#include <cstddef>
#include <memory>

namespace CLI {
class Formatter;
}

namespace tkt::cli {

// Returns the help formatter for a terminal `width` columns wide; give it to the app
// before adding subcommands, which take their parent's formatter when added.
std::shared_ptr<CLI::Formatter> make_help_formatter(std::size_t width);

}  // namespace tkt::cli
