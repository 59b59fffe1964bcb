#include "actions/attachments.hpp"
#include "actions/tickets.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct AttachmentOptions {
    std::string id;
    std::string number;
    std::string output;
    bool force = false;
};

std::size_t parse_number(const std::string& word) {
    const bool digits = !word.empty() && word.size() <= 9 &&
                        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoul(word) == 0) {
        throw usage_error(fmt::format("attachment number '{}': give the N that 'tkt attachment ID' lists", word));
    }
    return std::stoul(word);
}

void print_list(const TicketRecord& record, Context& context) {
    std::vector<std::vector<Cell>> rows;
    std::size_t number = 0;
    for (const auto& attachment : numbered_attachments(record)) {
        rows.push_back({{std::to_string(++number)},
                        {attachment.filename.empty() ? "unnamed" : attachment.filename},
                        {attachment.content_type},
                        {std::to_string(attachment.size)}});
    }
    if (rows.empty()) {
        throw Error(Exit::nothing, fmt::format("ticket {} has no attachments", record.ticket.id));
    }
    print_table(context.out(), context.terminal(), {"N", "NAME", "TYPE", "SIZE"}, rows);
}

// Bytes a terminal would act on rather than show: escape sequences, NULs, non-text.
bool unfit_for_terminal(std::string_view bytes) {
    return !is_valid_utf8(bytes) || std::any_of(bytes.begin(), bytes.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\n' && c != '\t' && c != '\r') || byte == 0x7f;
    });
}

// Returns where -o puts the file: the path given, or in a folder given, the
// attachment's own name made safe, so that the sender's name picks no other folder.
std::filesystem::path target_of(const std::string& output, const AttachmentContent& attachment) {
    std::error_code error;
    if (!std::filesystem::is_directory(output, error)) {
        return output;
    }
    const std::string fallback = fmt::format("attachment-{}", attachment.number);
    return std::filesystem::path(output) / safe_file_name(attachment.info.filename, fallback);
}

void save(const AttachmentOptions& options, const AttachmentContent& attachment, Context& context) {
    const auto target = target_of(options.output, attachment);
    std::error_code error;
    if (!options.force &&
        std::filesystem::symlink_status(target, error).type() != std::filesystem::file_type::not_found) {
        throw Error(Exit::cant_create, fmt::format("'{}' exists: give --force to replace it", target.string()));
    }
    write_file_atomically(target, attachment.bytes, options.force ? Replace::yes : Replace::no);
    context.out() << fmt::format("saved attachment {} of ticket {} to '{}' ({} bytes)\n", attachment.number, options.id,
                                 target.string(), attachment.bytes.size());
}

void run_attachment(const AttachmentOptions& options, Context& context) {
    const TicketId id = parse_ticket_ids(std::span(&options.id, 1)).front();
    Store& store = context.existing_store();
    if (options.number.empty()) {
        if (!options.output.empty() || options.force) {
            throw usage_error("-o and --force save one attachment: give its number N (see 'tkt help attachment')");
        }
        print_list(load_conversation(store, id), context);
        return;
    }
    const auto attachment = load_attachment(store, id, parse_number(options.number));
    if (!options.output.empty()) {
        save(options, attachment, context);
        return;
    }
    if (context.terminal().is_tty && unfit_for_terminal(attachment.bytes)) {
        throw usage_error(fmt::format("attachment {} ('{}') is binary: save it with -o FILE, or redirect the output",
                                      attachment.number, attachment.info.filename));
    }
    context.out() << attachment.bytes << std::flush;
}

}  // namespace

void declare_attachment(CLI::App& command, Context& context) {
    auto options = std::make_shared<AttachmentOptions>();
    command.add_option("id", options->id, "The ticket")->required()->type_name("ID");
    command.add_option("n", options->number, "The attachment to save, numbered as listed (none: list them)")
        ->type_name("N");
    command
        .add_option("-o,--output", options->output,
                    "Write it to FILE (or into the folder DIR under its own name made safe), not to stdout")
        ->type_name("FILE");
    command.add_flag("--force", options->force, "Replace a file that is there (default: refuse)");
    command.callback([options, &context] { run_attachment(*options, context); });
}

}  // namespace tkt::cli
