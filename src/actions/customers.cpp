#include "actions/customers.hpp"

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

bool unlink_identity(Store& store, const Identity& identity) {
    auto transaction = store.begin_write();
    const bool unlinked = store.unlink_identity(identity.value);
    transaction.commit();
    return unlinked;
}

}  // namespace tkt
