#include "cli/main.hpp"

int main(int argc, char** argv) {
    return tkt::cli::main(argc, argv);
}
