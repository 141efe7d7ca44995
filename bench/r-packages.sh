# Sourced by the benchmark scripts: installs R and the named Debian R packages with apt-get when
# Rscript or one of the R libraries is missing (the tests never need R).
# Usage: . bench/r-packages.sh; ensure_r_packages survival lme4
ensure_r_packages() {
  local missing=()
  for package in "$@"; do
    Rscript -e "library($package)" >/dev/null 2>&1 || missing+=("r-cran-${package,,}")
  done
  if ! command -v Rscript >/dev/null || [ ${#missing[@]} -gt 0 ]; then
    local sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends r-base-core "${missing[@]}" >/dev/null
  fi
}
