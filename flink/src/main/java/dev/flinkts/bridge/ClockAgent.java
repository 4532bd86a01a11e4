package dev.flinkts.bridge;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import org.apache.flink.shaded.asm9.org.objectweb.asm.ClassReader;
import org.apache.flink.shaded.asm9.org.objectweb.asm.ClassVisitor;
import org.apache.flink.shaded.asm9.org.objectweb.asm.ClassWriter;
import org.apache.flink.shaded.asm9.org.objectweb.asm.MethodVisitor;
import org.apache.flink.shaded.asm9.org.objectweb.asm.Opcodes;

/**
 * A Java agent ({@code -javaagent:<bridge jar>}) that makes Flink's processing-time service read
 * {@link ProcessingClock}: in {@code SystemProcessingTimeService.getClock()} the call to
 * {@code SystemClock.getInstance()} becomes {@code ProcessingClock.instance()}. Nothing else changes.
 */
public final class ClockAgent {
  private static final String TARGET = "org/apache/flink/streaming/runtime/tasks/SystemProcessingTimeService";

  private ClockAgent() {}

  public static void premain(String args, Instrumentation inst) {
    inst.addTransformer(new ClassFileTransformer() {
      @Override
      public byte[] transform(ClassLoader loader, String name, Class<?> cls, ProtectionDomain pd, byte[] bytes) {
        if (!TARGET.equals(name)) return null;
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(int access, String method, String desc, String sig, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, method, desc, sig, exceptions);
            if (!method.equals("getClock")) return mv;
            return new MethodVisitor(Opcodes.ASM9, mv) {
              @Override
              public void visitMethodInsn(int op, String owner, String m, String d, boolean itf) {
                if (op == Opcodes.INVOKESTATIC && owner.equals("org/apache/flink/util/clock/SystemClock") && m.equals("getInstance")) {
                  super.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/flinkts/bridge/ProcessingClock", "instance", "()Lorg/apache/flink/util/clock/Clock;", false);
                } else {
                  super.visitMethodInsn(op, owner, m, d, itf);
                }
              }
            };
          }
        }, 0);
        return writer.toByteArray();
      }
    });
  }
}
