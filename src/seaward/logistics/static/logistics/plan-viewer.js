// The 3-D view of a loading plan: the container as a wire box, cartons appearing in loading
// order. Data comes from the page's JSON script tag (#plan-data), never from inline script.
import * as THREE from "./vendor/three/three.module.min.js";

const COLOURS = [0xe4572e, 0x17bebb, 0xffc914, 0x2e282a, 0x76b041, 0x5b5f97, 0xff8c42, 0x0e7c7b, 0xd62246, 0x4b3f72];

function start() {
  const holder = document.getElementById("plan-viewer");
  const source = document.getElementById("plan-data");
  if (!holder || !source) return;
  const plan = JSON.parse(source.textContent);
  const select = document.getElementById("plan-container");
  const slider = document.getElementById("plan-step");
  const counter = document.getElementById("plan-counter");
  const current = document.getElementById("plan-current");
  const playButton = document.getElementById("plan-play");

  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  holder.appendChild(renderer.domElement);
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0xf4f6f8);
  scene.add(new THREE.AmbientLight(0xffffff, 0.7));
  const sun = new THREE.DirectionalLight(0xffffff, 0.8);
  sun.position.set(1, 2, 1.5);
  scene.add(sun);
  const camera = new THREE.PerspectiveCamera(40, 1, 1, 100000);
  const group = new THREE.Group();
  scene.add(group);

  let boxes = [];
  let shown = 0;
  let timer = null;
  const view = { yaw: -0.7, pitch: 0.45, distance: 2000, centre: new THREE.Vector3() };

  function placeCamera() {
    const d = view.distance;
    camera.position.set(
      view.centre.x + d * Math.cos(view.pitch) * Math.cos(view.yaw),
      view.centre.y + d * Math.sin(view.pitch),
      view.centre.z + d * Math.cos(view.pitch) * Math.sin(view.yaw),
    );
    camera.lookAt(view.centre);
  }

  function resize() {
    const width = holder.clientWidth || 600;
    const height = holder.clientHeight || 400;
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    draw();
  }

  function draw() {
    placeCamera();
    renderer.render(scene, camera);
  }

  // Container axes: x along the box (front wall → door), y across, z up. three.js is y-up.
  function load(index) {
    stop();
    group.clear();
    const box = plan.containers[index];
    if (!box) return;
    const { l, w, h } = box.inner;
    const shell = new THREE.LineSegments(
      new THREE.EdgesGeometry(new THREE.BoxGeometry(l, h, w)),
      new THREE.LineBasicMaterial({ color: 0x334155 }),
    );
    shell.position.set(l / 2, h / 2, w / 2);
    group.add(shell);
    const floor = new THREE.Mesh(
      new THREE.PlaneGeometry(l, w),
      new THREE.MeshBasicMaterial({ color: 0xd7dde4, side: THREE.DoubleSide }),
    );
    floor.rotation.x = -Math.PI / 2;
    floor.position.set(l / 2, 0, w / 2);
    group.add(floor);
    boxes = box.placements.map((p) => {
      const mesh = new THREE.Mesh(
        new THREE.BoxGeometry(p.dx * 0.98, p.dz * 0.98, p.dy * 0.98),
        new THREE.MeshLambertMaterial({ color: COLOURS[p.carton % COLOURS.length] }),
      );
      mesh.position.set(p.x + p.dx / 2, p.z + p.dz / 2, p.y + p.dy / 2);
      const edges = new THREE.LineSegments(
        new THREE.EdgesGeometry(mesh.geometry),
        new THREE.LineBasicMaterial({ color: 0x1f2937, transparent: true, opacity: 0.35 }),
      );
      mesh.add(edges);
      mesh.visible = false;
      group.add(mesh);
      return { mesh, placement: p };
    });
    view.centre.set(l / 2, h / 2, w / 2);
    view.distance = Math.max(l, w, h) * 1.25;
    slider.max = String(boxes.length);
    show(boxes.length);
  }

  function show(count) {
    shown = Math.max(0, Math.min(count, boxes.length));
    boxes.forEach((item, i) => {
      item.mesh.visible = i < shown;
    });
    slider.value = String(shown);
    counter.textContent = `${shown} / ${boxes.length}`;
    const last = boxes[shown - 1];
    if (last) {
      const p = last.placement;
      const ref = (plan.cartons[p.carton] || {}).ref || "?";
      current.textContent = `#${p.seq} · ${ref} · ${p.dx}×${p.dy}×${p.dz} cm @ x ${p.x}, y ${p.y}, z ${p.z}`;
    } else {
      current.textContent = "";
    }
    holder.dataset.shown = String(shown);
    draw();
  }

  function stop() {
    if (timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  function play() {
    if (timer) return stop();
    if (shown >= boxes.length) show(0);
    const stepSize = Math.max(1, Math.round(boxes.length / 150));
    timer = setInterval(() => {
      if (shown >= boxes.length) return stop();
      show(shown + stepSize);
    }, 40);
  }

  let dragging = null;
  renderer.domElement.addEventListener("pointerdown", (event) => {
    dragging = { x: event.clientX, y: event.clientY };
    renderer.domElement.setPointerCapture(event.pointerId);
  });
  renderer.domElement.addEventListener("pointermove", (event) => {
    if (!dragging) return;
    view.yaw += (event.clientX - dragging.x) * 0.01;
    view.pitch = Math.max(-0.2, Math.min(1.5, view.pitch + (event.clientY - dragging.y) * 0.01));
    dragging = { x: event.clientX, y: event.clientY };
    draw();
  });
  renderer.domElement.addEventListener("pointerup", () => {
    dragging = null;
  });
  renderer.domElement.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      view.distance = Math.max(100, view.distance * (event.deltaY > 0 ? 1.1 : 0.9));
      draw();
    },
    { passive: false },
  );

  document.getElementById("plan-first").addEventListener("click", () => { stop(); show(0); });
  document.getElementById("plan-prev").addEventListener("click", () => { stop(); show(shown - 1); });
  document.getElementById("plan-next").addEventListener("click", () => { stop(); show(shown + 1); });
  document.getElementById("plan-last").addEventListener("click", () => { stop(); show(boxes.length); });
  playButton.addEventListener("click", play);
  slider.addEventListener("input", () => { stop(); show(Number(slider.value)); });
  select.addEventListener("change", () => load(Number(select.value)));
  window.addEventListener("resize", resize);
  holder.dataset.ready = "true";
  load(0);
  resize();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
