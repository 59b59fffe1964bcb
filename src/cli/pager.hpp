// Long output on a terminal goes through a pager, as git's does: $TKT_PAGER, else
// $PAGER, else less, with LESS=FRX when LESS is unset.
#pragma once

#include "cli/context.hpp"

#include <ostream>
#include <string_view>

namespace tkt::cli {

// Whether a command may page its output: --no-pager says never.
enum class Paging { automatic, never };

// Prints `text` to `out`; when `paging` is automatic, stdout is the terminal
// `terminal` and `text` takes more rows than it has (less one for the shell's prompt),
// hands `text` to the pager instead. An empty pager or "cat" means none; a pager that
// cannot be started means `text` goes to `out` after all; a pager the user quits
// before the end is no error.
void print_paged(std::string_view text, std::ostream& out, const Terminal& terminal, Paging paging);

}  // namespace tkt::cli
