#include "actions/customers.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace tkt {

std::vector<std::string> link_identities(Store& store, std::span<const Identity> identities, const Actor& actor) {
    std::vector<std::string> values;
    for (const auto& identity : identities) {
        values.push_back(identity.value);
    }
    auto transaction = store.begin_write();
    auto linked = store.link_identities(values, actor.now);
    transaction.commit();
    return linked;
}

void unlink_identities(Store& store, std::span<const Identity> identities) {
    auto transaction = store.begin_write();
    for (const auto& identity : identities) {
        if (!store.unlink_identity(identity.value)) {
            throw Error(Exit::nothing, fmt::format("'{}' is linked to no other identity", identity.value));
        }
    }
    transaction.commit();
}

}  // namespace tkt
