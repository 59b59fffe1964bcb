#include "actions/customers.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct CustomerOptions {
    std::vector<std::string> identities;
};

std::vector<Identity> read_identities(const std::vector<std::string>& words, Context& context) {
    const std::string country = context.phone_country();
    std::vector<Identity> identities;
    for (const auto& word : words) {
        const auto identity = parse_identity(word, country);
        if (!identity) {
            throw usage_error(identity_problem(word, country));
        }
        identities.push_back(*identity);
    }
    return identities;
}

void run_link(const CustomerOptions& options, Context& context) {
    if (options.identities.size() < 2) {
        throw usage_error("give at least two identities to link, e.g. 'tkt customer link bob@example.com "
                          "+79001234567'");
    }
    const auto linked =
        link_identities(context.existing_store(), read_identities(options.identities, context), context.actor());
    context.out() << fmt::format("linked: {}\n", join(linked, " "));
}

void run_unlink(const CustomerOptions& options, Context& context) {
    const auto identities = read_identities(options.identities, context);
    unlink_identities(context.existing_store(), identities);
    for (const auto& identity : identities) {
        context.out() << fmt::format("unlinked: {}\n", identity.value);
    }
}

}  // namespace

void declare_customer(CLI::App& command, Context& context) {
    command.require_subcommand(1);
    auto options = std::make_shared<CustomerOptions>();
    auto* link = command.add_subcommand("link", "Make identities one customer's: mail, phone, chat");
    link->add_option("identities", options->identities,
                     "Two or more: bob@example.com, +7 900 123-45-67, telegram:12345")
        ->required()
        ->type_name("WHO...");
    link->callback([options, &context] { run_link(*options, context); });
    auto* unlink = command.add_subcommand("unlink", "Take identities out of the customer they were linked into");
    unlink->add_option("identities", options->identities, "The identities to take out")
        ->required()
        ->type_name("WHO...");
    unlink->callback([options, &context] { run_unlink(*options, context); });
}

}  // namespace tkt::cli
