# Sourced by Trunk's post-build hook scripts (build-bundle.sh, build-wasm.sh): where the
# project and the build are, with cargo's target folder as an absolute path. Cargo reads
# .cargo/config.toml (erase_components) from the folder it starts in, not from --manifest-path:
# the scripts start in the project, wherever the build's output goes.
set -euo pipefail
: "${TRUNK_SOURCE_DIR:?run by Trunk (Trunk.toml post_build hook)}" "${TRUNK_STAGING_DIR:?}"
src=$TRUNK_SOURCE_DIR
out=$TRUNK_STAGING_DIR
cd "$src"
target_dir=${CARGO_TARGET_DIR:-target}
case $target_dir in /*) ;; *) target_dir=$src/$target_dir ;; esac
