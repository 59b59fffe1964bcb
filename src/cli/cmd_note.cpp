#include "actions/notes.hpp"
#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "mail/inbound.hpp"

#include <fmt/format.h>
#include <iterator>

namespace tkt::cli {
namespace {

struct NoteOptions {
    std::string id;
    std::optional<std::string> body;
    bool edit = false;
};

void run_note(const NoteOptions& options, Context& context) {
    const TicketId id = parse_ticket_ids(std::span(&options.id, 1)).front();
    if (options.body.has_value() == options.edit) {
        throw usage_error("give --body TEXT (- reads standard input) or --edit (see 'tkt help note')");
    }
    Store& store = context.existing_store();
    std::string body;
    if (options.edit) {
        body = edit_note(load_ticket(store, id), context);
    } else if (*options.body == "-") {
        body = context.read_input(k_max_message_bytes);
    } else {
        body = *options.body;
    }
    add_note(store, id, body, context.actor());
    context.out() << fmt::format("noted on ticket {} (internal: never sent to the customer)\n", id);
}

}  // namespace

void declare_note(CLI::App& command, Context& context) {
    auto options = std::make_shared<NoteOptions>();
    command.add_option("id", options->id, "The ticket")->required()->type_name("ID");
    command.add_option("-b,--body", options->body, "The note's text; - reads it from standard input")
        ->type_name("TEXT");
    command.add_flag("-e,--edit", options->edit, "Write the note in $VISUAL or $EDITOR");
    command.callback([options, &context] { run_note(*options, context); });
}

}  // namespace tkt::cli
