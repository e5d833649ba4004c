#!/usr/bin/env bash
# Builds (and with --push, pushes) the six images from the jars in <module>/target.
#   k8s/build-images.sh [--push] [--skip-package] PREFIX TAG      builds PREFIX/<app>:TAG
#   k8s/build-images.sh --push registry.example.org/grassroots 0.1.0
#   k8s/build-images.sh grassroots local     (the local overlay's names; load them into kind, see docs)
# Needs Docker with BuildKit (docker buildx or DOCKER_BUILDKIT=1) and a JDK for the Maven build.
set -euo pipefail

push=false
package=true
args=()
for arg in "$@"; do
  case "$arg" in
    --push) push=true ;;
    --skip-package) package=false ;;
    *) args+=("$arg") ;;
  esac
done
if [ "${#args[@]}" -ne 2 ]; then
  echo "usage: $0 [--push] [--skip-package] PREFIX TAG" >&2
  exit 2
fi
prefix="${args[0]%/}"
tag="${args[1]}"
if [ "$tag" = latest ]; then
  echo "refusing the tag 'latest': the manifests pin a version" >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
apps=(gateway center-service member-service volunteer-service project-service grid-service)

if $package; then
  if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi
  modules="$(IFS=,; echo "${apps[*]}")"
  "$mvn" -B -q -DskipTests -pl "$modules" -am package
fi

for app in "${apps[@]}"; do
  image="$prefix/$app:$tag"
  ls "$app"/target/*-exec.jar >/dev/null
  echo "building $image"
  DOCKER_BUILDKIT=1 docker build -f k8s/Dockerfile -t "$image" "$app/target"
  if $push; then
    docker push "$image"
  fi
done
